using Incidents.Domain.Access;
using Incidents.Projections.Runner;
using Incidents.Projections.Status;
using Incidents.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Incidents.Projections.Tests;

public sealed class LeadershipTests
{
    private static readonly string[] Asynchronous = ["incident-timeline", "overdue-queue", "response-metrics"];

    [Fact]
    public async Task Two_nodes_run_each_projection_once()
    {
        await using var database = await TestDatabase.CreateAsync("leaders");
        await using var a = new ProjectionNode(database);
        _ = a.Server;
        await using var b = new ProjectionNode(database);
        _ = b.Server;
        await EachProjectionHasOneLeaderAsync(a, b);

        var staffA = await a.ClientForAsync("alice", Role.Staff);
        var staffB = await b.ClientForAsync("bob", Role.Staff);
        var reports = Enumerable.Range(0, 20).Select(i => (i % 2 == 0 ? staffA : staffB).ReportAsync(Http.Impersonation($"@fake{i}")));
        await Task.WhenAll(reports);
        await ProjectionCatchUp.WaitAsync(database.ConnectionString);

        await EachProjectionHasOneLeaderAsync(a, b);
        await EveryEventWasAppliedOnceAsync(database);
        Assert.Equal(ProjectionEngine.DefaultNames.Count, await LocksAsync(database));
    }

    [Fact]
    public async Task When_the_leading_node_stops_the_other_takes_over_where_it_left_off()
    {
        await using var database = await TestDatabase.CreateAsync("takeover");
        var a = new ProjectionNode(database);
        _ = a.Server;
        await using var b = new ProjectionNode(database);
        _ = b.Server;
        await EachProjectionHasOneLeaderAsync(a, b);
        var staff = await a.ClientForAsync("alice", Role.Staff);
        await staff.ReportAsync(Http.Impersonation("@before"));
        await ProjectionCatchUp.WaitAsync(database.ConnectionString);

        var leaderWasA = Leads(a).Count > 0;
        await (leaderWasA ? a : b).DisposeAsync();
        var survivor = leaderWasA ? b : a;
        await Eventually.TrueAsync(() => Leads(survivor).Count == ProjectionEngine.DefaultNames.Count, "the surviving node leads every projection");
        var other = await survivor.ClientForAsync("bob", Role.Staff);
        await other.ReportAsync(Http.Impersonation("@after"));
        await ProjectionCatchUp.WaitAsync(database.ConnectionString);

        await EveryEventWasAppliedOnceAsync(database);
        if (!leaderWasA)
        {
            await a.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_leader_whose_lock_connection_dies_steps_down_and_the_projections_go_on_once()
    {
        await using var database = await TestDatabase.CreateAsync("lostlock");
        await using var a = new ProjectionNode(database);
        _ = a.Server;
        await using var b = new ProjectionNode(database);
        _ = b.Server;
        await EachProjectionHasOneLeaderAsync(a, b);
        var staff = await a.ClientForAsync("alice", Role.Staff);

        await Backends.TerminateAsync(database, await Backends.LockHoldersAsync(database));
        var reports = Enumerable.Range(0, 10).Select(i => staff.ReportAsync(Http.Impersonation($"@fake{i}")));
        await Task.WhenAll(reports);
        await EachProjectionHasOneLeaderAsync(a, b);
        await ProjectionCatchUp.WaitAsync(database.ConnectionString);

        await EveryEventWasAppliedOnceAsync(database);
    }

    private static List<string> Leads(ProjectionNode node) =>
        node.Services.GetRequiredService<ProjectionRuntime>().Snapshot().Where(p => p.Value.IsLeader).Select(p => p.Key).ToList();

    private static Task EachProjectionHasOneLeaderAsync(ProjectionNode a, ProjectionNode b) =>
        Eventually.TrueAsync(
            () => ProjectionEngine.DefaultNames.All(name => Leads(a).Contains(name) ^ Leads(b).Contains(name)),
            "every projection is led by exactly one of the two nodes");

    private static async Task<long> LocksAsync(TestDatabase database) =>
        await TableSnapshot.ScalarAsync(database.ConnectionString, """
            select count(*) from pg_locks
             where locktype = 'advisory' and classid = 2100 and granted
               and database = (select oid from pg_database where datname = current_database())
            """);

    private static async Task EveryEventWasAppliedOnceAsync(TestDatabase database)
    {
        var events = await TableSnapshot.ScalarAsync(database.ConnectionString, "select count(*) from events");
        foreach (var name in Asynchronous)
        {
            Assert.Equal(events, await TableSnapshot.ScalarAsync(
                database.ConnectionString, $"select events_applied from projection_checkpoints where name = '{name}'"));
        }

        Assert.Equal(events, await TableSnapshot.ScalarAsync(database.ConnectionString, "select count(*) from timeline_events"));
    }
}
