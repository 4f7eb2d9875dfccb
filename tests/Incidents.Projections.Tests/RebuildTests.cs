using System.Net;
using Incidents.Domain.Access;
using Incidents.Projections.IncidentList;
using Incidents.Projections.Rebuild;
using Incidents.Projections.Runner;
using Microsoft.Extensions.DependencyInjection;

namespace Incidents.Projections.Tests;

public sealed class RebuildTests(ProjectionFixture fixture) : IClassFixture<ProjectionFixture>, IAsyncLifetime
{
    private static readonly string[] ReadModelTables =
        ["incident_summaries", "timeline_events", "timeline_steps", "step_deadlines", "response_times"];

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Rebuilding_every_projection_from_zero_gives_the_same_rows_as_the_live_one()
    {
        var scenarios = new Scenarios(fixture.Node, fixture.Clock);
        await scenarios.ImpersonationClosedAsync("@fake_one");
        await scenarios.TakeoverOpenAsync("@misato_official");
        await scenarios.BacklashReopenedAsync("misato.town");
        await scenarios.ImpersonationClosedAsync("@fake_two");
        await fixture.CaughtUpAsync();
        var live = await SnapshotAsync();
        var oids = await TableIdsAsync();
        Assert.All(ReadModelTables, table => Assert.NotEmpty(live[table]));

        var ciso = await fixture.Node.ClientForAsync("sato", Role.Ciso);
        foreach (var name in ProjectionEngine.DefaultNames)
        {
            var accepted = await ciso.PostAsync($"/api/projections/{name}/rebuild");
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }

        foreach (var name in ProjectionEngine.DefaultNames)
        {
            var status = await RebuildWaiter.UntilFinishedAsync(ciso, fixture.Database.ConnectionString, name);
            Assert.Equal("completed", status["rebuild"]!["status"]!.GetValue<string>());
        }

        var rebuilt = await SnapshotAsync();
        foreach (var table in ReadModelTables)
        {
            Assert.Equal(live[table], rebuilt[table]);
        }

        var newOids = await TableIdsAsync();
        Assert.All(ReadModelTables, table => Assert.NotEqual(oids[table], newOids[table]));
        var events = await TableSnapshot.ScalarAsync(fixture.Database.ConnectionString, "select count(*) from events");
        Assert.Equal(events, await TableSnapshot.ScalarAsync(
            fixture.Database.ConnectionString, "select events_applied from projection_checkpoints where name = 'incident-timeline'"));
    }

    [Fact]
    public async Task The_incident_list_rebuild_keeps_every_incident_reported_while_it_runs()
    {
        var staff = await fixture.Node.ClientForAsync("alice", Role.Staff);
        var ciso = await fixture.Node.ClientForAsync("sato", Role.Ciso);
        for (var i = 0; i < 150; i++)
        {
            await staff.ReportAsync(Http.Impersonation($"@before{i}"));
        }

        using var stop = new CancellationTokenSource();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reporting = Task.Run(async () =>
        {
            var reported = 0;
            while (!stop.IsCancellationRequested)
            {
                await staff.ReportAsync(Http.Impersonation($"@during{reported++}"));
                started.TrySetResult();
            }

            return reported;
        });

        // Reports run before, during and after the rebuild: the swap must keep every one of them.
        await started.Task;
        var accepted = await ciso.PostAsync($"/api/projections/{IncidentListRebuild.ProjectionName}/rebuild");
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var status = await RebuildWaiter.UntilFinishedAsync(ciso, fixture.Database.ConnectionString, IncidentListRebuild.ProjectionName);
        await staff.ReportAsync(Http.Impersonation("@after"));
        await stop.CancelAsync();
        var during = await reporting + 1;

        Assert.Equal("completed", status["rebuild"]!["status"]!.GetValue<string>());
        var connection = fixture.Database.ConnectionString;
        Assert.Equal(150 + during, await TableSnapshot.ScalarAsync(connection, "select count(*) from incident_summaries"));
        Assert.Equal(0, await TableSnapshot.ScalarAsync(connection, """
            select count(*) from streams s
              left join incident_summaries i on 'incident-' || i.incident_id::text = s.stream_id
             where i.version is distinct from s.version
            """));
    }

    [Fact]
    public async Task Only_an_administrator_or_the_ciso_may_rebuild_and_only_projections_that_exist()
    {
        var ciso = await fixture.Node.ClientForAsync("sato", Role.Ciso);
        var staff = await fixture.Node.ClientForAsync("alice", Role.Staff);
        var manager = await fixture.Node.ClientForAsync("kenji", Role.SecurityManager);

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync("/api/projections/incident-timeline/rebuild")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsync("/api/projections/incident-timeline/rebuild")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/projections")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/api/projections")).StatusCode);
        var unknown = await ciso.PostAsync("/api/projections/nothing/rebuild");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_rebuild_is_requested_once_until_it_finishes()
    {
        var requests = fixture.Node.Services.GetRequiredService<RebuildRequests>();
        var now = fixture.Clock.GetUtcNow();

        Assert.True(await requests.RequestAsync("not-led-by-anyone", "sato", now, default));
        Assert.False(await requests.RequestAsync("not-led-by-anyone", "sato", now, default));
        await requests.ClaimAsync("not-led-by-anyone", now, default);
        Assert.False(await requests.RequestAsync("not-led-by-anyone", "sato", now, default));
        await requests.FailAsync("not-led-by-anyone", "test", now, default);
        Assert.True(await requests.RequestAsync("not-led-by-anyone", "sato", now, default));
    }

    private async Task<Dictionary<string, IReadOnlyList<string>>> SnapshotAsync()
    {
        var snapshot = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var table in ReadModelTables)
        {
            snapshot[table] = await TableSnapshot.TakeAsync(fixture.Database.ConnectionString, table);
        }

        return snapshot;
    }

    private async Task<Dictionary<string, long>> TableIdsAsync()
    {
        var ids = new Dictionary<string, long>();
        foreach (var table in ReadModelTables)
        {
            ids[table] = await TableSnapshot.ScalarAsync(fixture.Database.ConnectionString, $"select '{table}'::regclass::oid::bigint");
        }

        return ids;
    }
}
