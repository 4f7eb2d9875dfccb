using System.Diagnostics;
using Incidents.Api.Tests.Support;
using Incidents.Domain.Access;
using Npgsql;

namespace Incidents.Api.Tests;

/// <summary>
/// A node stops while its background work is stuck in the middle of a transaction (here: behind a lock the test holds).
/// The work is rolled back at once, so nothing it had claimed stays claimed and nothing half-done is committed.
/// </summary>
public sealed class ShutdownTests : IAsyncLifetime
{
    private readonly ManualTimeProvider _clock = new();
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync("shutdown");

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_timer_claim_in_progress_is_rolled_back_and_its_timer_can_be_claimed_at_once()
    {
        await using var node = new ApiFactory(_database, _clock);
        var staff = await node.ClientForAsync("alice", Role.Staff);
        var (id, _) = await staff.ReportAsync();
        var stream = "incident-" + id;
        var timer = $"{id}/report-to-officers/1/1";

        await using var blocker = await HoldAsync("select 1 from streams where stream_id = $1 for update", stream);
        node.AdvanceAndWakeTimers(_clock, TimeSpan.FromHours(1));
        await AwaitBlockedAsync("%append_events%", () => Wake.Timers(node));

        var stopping = Stopwatch.StartNew();
        await node.DisposeAsync();

        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(10), $"stopping took {stopping.Elapsed}");
        Assert.Equal(timer, await _database.ScalarAsync<string>("select key from timers where key = $1 for update nowait", timer));
        Assert.Equal(0, await Escalations.CountAsync(_database, id, "report-to-officers"));
    }

    [Fact]
    public async Task A_projection_batch_in_progress_is_rolled_back_and_the_projection_is_left_free_for_another_node()
    {
        await using var node = new ApiFactory(_database, _clock);
        var staff = await node.ClientForAsync("alice", Role.Staff);
        await staff.ReportAsync();
        await ProjectionCatchUp.WaitAsync(_database.ConnectionString);
        var checkpoint = await _database.ScalarAsync<long>("select position from projection_checkpoints where name = 'incident-timeline'");

        await using var blocker = await HoldAsync("lock table timeline_events in exclusive mode");
        await staff.ReportAsync(ApiCalls.ImpersonationReport("@second_fake"));
        await AwaitBlockedAsync("%timeline_events%");

        var stopping = Stopwatch.StartNew();
        await node.DisposeAsync();

        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(10), $"stopping took {stopping.Elapsed}");
        Assert.Equal(checkpoint, await _database.ScalarAsync<long>("select position from projection_checkpoints where name = 'incident-timeline'"));
        Assert.Equal(0, await _database.ScalarAsync<long>("""
            select count(*) from pg_locks
             where locktype = 'advisory' and classid = 2100 and database = (select oid from pg_database where datname = current_database())
            """));
    }

    /// <summary>Takes a lock in a transaction of the test's own and keeps it until the returned connection is disposed.</summary>
    private async Task<NpgsqlConnection> HoldAsync(string sql, params object[] parameters)
    {
        var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using (var begin = new NpgsqlCommand("begin", connection))
        {
            await begin.ExecuteNonQueryAsync();
        }

        await using var hold = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            hold.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        await hold.ExecuteNonQueryAsync();
        return connection;
    }

    /// <summary>Waits until one of the service's statements matching <paramref name="query"/> waits for a lock.</summary>
    private Task AwaitBlockedAsync(string query, Action? nudge = null) =>
        Eventually.ReadAsync(
            () => _database.ScalarAsync<long>("""
                select count(*) from pg_stat_activity
                 where datname = current_database() and wait_event_type = 'Lock' and query like $1
                """, query),
            n => n > 0, $"a statement like '{query}' to wait for the test's lock", nudge);
}
