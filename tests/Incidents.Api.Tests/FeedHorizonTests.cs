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
}
