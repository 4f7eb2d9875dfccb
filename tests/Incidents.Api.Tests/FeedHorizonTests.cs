using System.Net;

namespace Incidents.Api.Tests;

/// <summary>
/// A database restored from a logical dump into a cluster whose transaction counter is behind the stored events: the
/// feed would hide the restored events and skip new ones, so the node says it is not ready, and says why.
/// </summary>
public sealed class FeedHorizonTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private ApiFactory _node = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("horizon");
        _node = new ApiFactory(_database);
        _ = _node.Server;
    }

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Events_from_ahead_of_the_clusters_transaction_counter_make_the_node_unready_until_the_counter_passes_them()
    {
        var client = _node.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        await _database.ExecuteAsync("""
            insert into events (transaction_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at)
            values ((pg_snapshot_xmax(pg_current_snapshot())::text::numeric + 1000000)::text::xid8,
                    'incident-restored', 1, 'incident-reported', 1, '{}', '{}', now())
            """);

        var notReady = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
        var check = (await notReady.JsonAsync())["checks"]!["event-feed"]!;
        Assert.Equal("unhealthy", check["status"]!.GetValue<string>());
        Assert.Contains("restored from a logical dump", check["description"]!.GetValue<string>());

        await _database.ExecuteAsync("delete from events where stream_id = 'incident-restored'");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task The_shipped_script_moves_the_counter_past_the_restored_events()
    {
        var client = _node.CreateClient();
        await _database.ExecuteAsync("""
            insert into events (transaction_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at)
            values ((pg_snapshot_xmax(pg_current_snapshot())::text::numeric + 20000)::text::xid8,
                    'incident-restored', 1, 'incident-reported', 1, '{}', '{}', now())
            """);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);

        foreach (var statement in ScriptStatements())
        {
            await _database.ExecuteAsync(statement);
        }

        // The stand-in event is not a real one, so only the feed's own check is asked (projections would stop at it).
        var ready = await (await client.GetAsync("/health/ready")).JsonAsync();
        Assert.Equal("healthy", ready["checks"]!["event-feed"]!["status"]!.GetValue<string>());
        Assert.True(await _database.ScalarAsync<bool>(
            "select pg_snapshot_xmax(pg_current_snapshot()) > (select max(transaction_id) from events)"));
    }

    /// <summary>deploy/advance-transaction-ids.sql, one statement at a time, as psql sends it.</summary>
    private static IEnumerable<string> ScriptStatements()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory.FullName, "deploy", "advance-transaction-ids.sql")))
        {
            directory = directory.Parent ?? throw new FileNotFoundException("deploy/advance-transaction-ids.sql not found above the tests.");
        }

        var script = File.ReadAllText(Path.Combine(directory.FullName, "deploy", "advance-transaction-ids.sql"));
        var call = script.IndexOf("\ncall ", StringComparison.Ordinal);
        var drop = script.IndexOf("\ndrop ", StringComparison.Ordinal);
        return [script[..call], script[call..drop], script[drop..]];
    }
}
