using System.Net;
using Incidents.Api.Deadlines;
using Incidents.Api.Tests.Support;
using Incidents.Domain.Access;
using Incidents.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Incidents.Api.Tests.Deadlines;

/// <summary>
/// Exactly one escalation per step and level, whatever happens: several nodes on one database, a node whose transaction
/// dies between claim and commit, every connection cut at once.
/// </summary>
public sealed class TimerWorkerFaultTests : IAsyncLifetime
{
    /// <summary>An impersonation opens four steps at once; three of them (1 h, 4 h, 8 h) are overdue after 8 hours.</summary>
    private static readonly TimeSpan PastThreeDeadlines = TimeSpan.FromHours(8);

    private readonly ManualTimeProvider _clock = new();
    private readonly List<ApiFactory> _nodes = [];
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync("timer_faults");

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        await _database.DisposeAsync();
    }

    private ApiFactory StartNode(int workers = 2, int batchSize = 8, string claimTimeout = "00:00:30")
    {
        var node = new ConfiguredApiFactory(_database, _clock, new Dictionary<string, string?>
        {
            ["Deadlines:Workers"] = workers.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Deadlines:BatchSize"] = batchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Deadlines:ClaimTransactionTimeout"] = claimTimeout,
        });
        _ = node.Server;
        _nodes.Add(node);
        return node;
    }

    private async Task<IReadOnlyList<string>> ReportImpersonationsAsync(ApiFactory node, int count)
    {
        var staff = await node.ClientForAsync("alice", Role.Staff);
        var ids = new List<string>();
        foreach (var chunk in Enumerable.Range(0, count).Chunk(8))
        {
            var reported = await Task.WhenAll(chunk.Select(i => staff.ReportAsync(ApiCalls.ImpersonationReport($"@fake_{i}"))));
            ids.AddRange(reported.Select(r => r.Id));
        }

        return ids;
    }

    /// <summary>Holds one incident's stream row, so a batch that includes it claims its timers and then waits at the append.</summary>
    private async Task<StreamHold> HoldStreamAsync(string incidentId)
    {
        var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var lockStream = new NpgsqlCommand("select 1 from streams where stream_id = $1 for update", connection, transaction);
        lockStream.Parameters.Add(new() { Value = "incident-" + incidentId });
        await lockStream.ExecuteNonQueryAsync();
        return new StreamHold(connection, transaction);
    }

    /// <summary>The backend of the worker transaction that waits on the held stream, and when that transaction began.</summary>
    private async Task<(int Pid, DateTime Since)> AwaitStuckClaimAsync()
    {
        var pid = await Eventually.ReadAsync(
            () => _database.ScalarAsync<int?>(
                "select pid from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' limit 1"),
            found => found is not null, "the worker's transaction to wait on the held stream");
        return (pid!.Value, await _database.ScalarAsync<DateTime>("select xact_start from pg_stat_activity where pid = $1", pid.Value));
    }

    private Task<long> EscalationCountAsync() => _database.ScalarAsync<long>("select count(*) from events where type = 'step-escalated'");

    [Fact]
    public async Task Two_nodes_on_one_database_fire_each_escalation_exactly_once_over_a_thousand_timers()
    {
        var first = StartNode();
        var second = StartNode();
        await ReportImpersonationsAsync(first, 334);
        var due = await _database.ScalarAsync<long>("select count(*) from timers where due_at <= $1", _clock.GetUtcNow() + PastThreeDeadlines);
        Assert.Equal(1002, due);

        first.AdvanceAndWakeTimers(_clock, PastThreeDeadlines);
        Wake.Timers(second);
        await Escalations.AwaitNoneDueAsync(_database, _clock.GetUtcNow(), () => { Wake.Timers(first); Wake.Timers(second); });

        Assert.Equal(1002, await EscalationCountAsync());
        Assert.Equal(0, await Escalations.DuplicatesAsync(_database));
        var firedByFirst = first.Services.GetRequiredService<DeadlineTimerMetrics>().Escalated;
        var firedBySecond = second.Services.GetRequiredService<DeadlineTimerMetrics>().Escalated;
        Assert.Equal(1002, firedByFirst + firedBySecond);
        Assert.True(firedByFirst > 0 && firedBySecond > 0, $"both nodes should have fired timers ({firedByFirst} and {firedBySecond})");
        Assert.Equal(1002, await _database.ScalarAsync<long>("select count(*) from timers where key like '%/2'"));
    }

    [Fact]
    public async Task A_node_killed_between_claim_and_commit_loses_no_timer_and_fires_none_twice()
    {
        var doomed = StartNode(workers: 1, batchSize: 50);
        var ids = await ReportImpersonationsAsync(doomed, 20);

        await using var blocker = await HoldStreamAsync(ids[0]);
        doomed.AdvanceAndWakeTimers(_clock, PastThreeDeadlines);
        var (stuck, _) = await AwaitStuckClaimAsync();
        // Sixty timers are due; the stuck transaction has claimed a batch of fifty, so only ten are free.
        var claimedByStuck = await _database.ScalarAsync<long>("""
            select count(*) from timers where key in (select key from timers where due_at <= $1 for update skip locked)
            """, _clock.GetUtcNow());
        Assert.Equal(10, claimedByStuck);

        await _database.ExecuteAsync("select pg_terminate_backend($1)", stuck);
        await doomed.DisposeAsync();
        _nodes.Remove(doomed);
        await blocker.DisposeAsync();

        var survivor = StartNode();
        await Escalations.AwaitNoneDueAsync(_database, _clock.GetUtcNow(), () => Wake.Timers(survivor));

        Assert.Equal(60, await EscalationCountAsync());
        Assert.Equal(0, await Escalations.DuplicatesAsync(_database));
        Assert.Equal(3, await _database.ScalarAsync<long>(
            "select count(*) from events where stream_id = $1 and type = 'step-escalated'", "incident-" + ids[0]));
    }

    [Fact]
    public async Task The_database_ends_a_claim_that_stalls_and_its_timers_fire_once_later()
    {
        var node = StartNode(workers: 1, batchSize: 50, claimTimeout: "00:00:01");
        var ids = await ReportImpersonationsAsync(node, 5);
        await using var blocker = await HoldStreamAsync(ids[0]);
        node.AdvanceAndWakeTimers(_clock, PastThreeDeadlines);
        var (stuck, since) = await AwaitStuckClaimAsync();

        // Nobody intervenes: the claim transaction's own timeout ends it, and the loop starts a new one.
        await Eventually.ReadAsync(
            () => _database.ScalarAsync<bool>(
                "select not exists (select 1 from pg_stat_activity where pid = $1 and xact_start = $2)", stuck, since),
            ended => ended, "the stalled claim transaction to end", () => node.AdvanceAndWakeTimers(_clock, TimeSpan.FromMilliseconds(200)));
        await blocker.DisposeAsync();
        await Escalations.AwaitNoneDueAsync(_database, _clock.GetUtcNow(), () => node.AdvanceAndWakeTimers(_clock, TimeSpan.FromMilliseconds(200)));

        Assert.Equal(15, await EscalationCountAsync());
        Assert.Equal(0, await Escalations.DuplicatesAsync(_database));
        Assert.Equal(0, await _database.ScalarAsync<long>("select count(*) from timers where attempts > 0"));
    }

    [Fact]
    public async Task The_worker_recovers_when_every_connection_to_the_database_is_cut()
    {
        var node = StartNode();
        await ReportImpersonationsAsync(node, 10);

        // What a database restart does to its clients: every session, the LISTEN connection and idle pooled ones, dies.
        await _database.ExecuteAsync(
            "select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()");
        _clock.Advance(PastThreeDeadlines);

        // Retries after a fault wait on the test clock, so move it on a little while waiting.
        await Escalations.AwaitNoneDueAsync(_database, _clock.GetUtcNow(), () => node.AdvanceAndWakeTimers(_clock, TimeSpan.FromMilliseconds(500)));

        Assert.Equal(30, await EscalationCountAsync());
        Assert.Equal(0, await Escalations.DuplicatesAsync(_database));
        Assert.Equal(HttpStatusCode.OK, (await node.CreateClient().GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task An_incident_whose_events_cannot_be_read_postpones_only_its_own_timers_in_a_batch()
    {
        var node = StartNode(workers: 1, batchSize: 50);
        var ids = await ReportImpersonationsAsync(node, 5);
        var unreadable = "incident-" + ids[0];
        await _database.ExecuteAsync("""
            with bumped as (update streams set version = version + 1 where stream_id = $1 returning stream_id, version)
            insert into events (stream_id, stream_version, type, schema_version, data, metadata, recorded_at)
            select stream_id, version, 'no-such-event', 1, '{}', '{}', now() from bumped
            """, unreadable);

        // All fifteen due timers fit in one batch; the batch reads its incidents together, which fails on the unreadable one.
        node.AdvanceAndWakeTimers(_clock, PastThreeDeadlines);
        await Eventually.ReadAsync(
            () => _database.ScalarAsync<long>("select count(*) from timers where stream_id = $1 and attempts > 0", unreadable),
            n => n == 3, "the unreadable incident's three timers to be postponed", () => Wake.Timers(node));
        await Escalations.AwaitNoneDueAsync(_database, _clock.GetUtcNow(), () => Wake.Timers(node));

        Assert.Equal(12, await EscalationCountAsync());
        Assert.Equal(0, await _database.ScalarAsync<long>("select count(*) from events where stream_id = $1 and type = 'step-escalated'", unreadable));
        Assert.Contains("no-such-event", await _database.ScalarAsync<string>("select last_error from timers where stream_id = $1 and attempts > 0 limit 1", unreadable));
    }

    /// <summary>Releases the held stream when disposed; disposing again does nothing.</summary>
    private sealed class StreamHold(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
    {
        private bool _released;

        public async ValueTask DisposeAsync()
        {
            if (_released)
            {
                return;
            }

            _released = true;
            await transaction.RollbackAsync();
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}
