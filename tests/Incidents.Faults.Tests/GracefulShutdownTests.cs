using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Incidents.Domain.Access;
using Incidents.Testing;
using Xunit.Abstractions;

namespace Incidents.Faults.Tests;

/// <summary>
/// SIGTERM reaches a node in the middle of its work (docker stop, a rolling upgrade): what it accepted completes, what it
/// held goes back at once, and the next node carries on without waiting for anything to time out.
/// </summary>
public sealed class GracefulShutdownTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string SlowPath = "/api/incidents?arriving=slowly";

    private TestDatabase _database = null!;
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("shutdown");
        _receiver = await WebhookReceiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_stopped_node_finishes_its_request_hands_back_its_deliveries_and_the_next_node_takes_over_at_once()
    {
        var connection = _database.ConnectionString;
        await using var first = await ServiceProcess.StartAsync(connection, new Dictionary<string, string>
        {
            // The request log line tells the test when the server has begun the slow request.
            ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
        });
        using var admin = first.Client(await ServiceProcess.CreateUserAsync(connection, "kobayashi", Role.Admin));
        using var staff = first.Client(await ServiceProcess.CreateUserAsync(connection, "alice", Role.Staff));
        var subscribed = await admin.PostAsJsonAsync("/api/webhooks", new { url = _receiver.Url, types = new[] { "jp.incidents.incident.reported" } });
        Assert.Equal(HttpStatusCode.Created, subscribed.StatusCode);

        _receiver.Hold();
        Assert.Equal(HttpStatusCode.Created, (await staff.PostAsJsonAsync("/api/incidents", Report("@before_stop"))).StatusCode);
        var inFlight = await _receiver.NextAsync();

        using var slowBody = new SlowBody(Encoding.UTF8.GetBytes(Report("@during_stop").ToJsonString()));
        var slowReport = staff.PostAsync(SlowPath, slowBody);
        await Until(() => first.Output.Any(line => line.Contains("Request starting", StringComparison.Ordinal) && line.Contains(SlowPath, StringComparison.Ordinal)));
        var stopping = Stopwatch.StartNew();
        var stopped = first.StopAsync(TimeSpan.FromSeconds(30));
        await Until(() => first.Output.Any(line => line.Contains("Application is shutting down", StringComparison.Ordinal)));
        slowBody.SendRest();

        var answer = await slowReport;
        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        Assert.Equal(0, await stopped);
        var stopTime = stopping.Elapsed;
        Assert.True(stopTime < TimeSpan.FromSeconds(15), $"the node took {stopTime} to stop");
        Assert.Contains(first.Output, line => line.Contains("handed back", StringComparison.Ordinal));

        Assert.Equal(0, await _database.ScalarAsync<long>("select count(*) from outbox where lease_token is not null"));
        Assert.Equal(0, await _database.ScalarAsync<long>("select count(*) from outbox where delivered_at is null and (attempts > 0 or next_attempt_at > now())"));
        Assert.Equal(0, await LeaderLocks.CountAsync(_database));
        var during = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        Assert.Equal(1, await _database.ScalarAsync<long>(
            "select count(*) from events where stream_id = $1 and type = 'incident-reported'", "incident-" + during));

        _receiver.Release();
        var handedOver = Stopwatch.StartNew();
        await using var second = await ServiceProcess.StartAsync(connection);
        var expected = (await _database.ListAsync<Guid>("select id from outbox")).Select(id => id.ToString("D")).ToHashSet();
        var delivered = new HashSet<string>();
        while (!expected.IsSubsetOf(delivered))
        {
            var delivery = await _receiver.NextAsync(TimeSpan.FromSeconds(20));
            if (delivery.AnsweredWith == 204)
            {
                delivered.Add(delivery.Event["id"]!.GetValue<string>());
            }
        }

        Assert.Contains(inFlight.Event["id"]!.GetValue<string>(), delivered);
        await ProjectionCatchUp.WaitAsync(connection, TimeSpan.FromSeconds(20));
        Assert.True(handedOver.Elapsed < TimeSpan.FromSeconds(30), $"the second node took {handedOver.Elapsed} to take over");
        output.WriteLine($"SIGTERM to exit: {stopTime.TotalMilliseconds:F0} ms; second node start to every notification delivered and projections caught up: {handedOver.Elapsed.TotalMilliseconds:F0} ms");
        Assert.Equal(
            await _database.ScalarAsync<long>("select count(*) from events where stream_id like 'incident-%'"),
            await _database.ScalarAsync<long>("select count(*) from timeline_events"));
        Assert.Equal(4, await LeaderLocks.CountAsync(_database));
    }

    private static JsonObject Report(string handle) => new()
    {
        ["kind"] = "impersonation", ["platform"] = "x", ["accountHandle"] = handle, ["whatWasSeen"] = "町のロゴを使った偽アカウント",
    };

    /// <summary>Waits for something the service writes to its log, within bounds.</summary>
    private static async Task Until(Func<bool> condition)
    {
        var giveUp = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(giveUp.Elapsed < TimeSpan.FromSeconds(20), "the service did not log what the test waits for");
            await Task.Delay(10);
        }
    }

    /// <summary>A request body that sends its first half at once and the rest when the test says: a request in flight.</summary>
    private sealed class SlowBody : HttpContent
    {
        private readonly byte[] _body;
        private readonly TaskCompletionSource _rest = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public SlowBody(byte[] body)
        {
            _body = body;
            Headers.ContentType = new("application/json") { CharSet = "utf-8" };
        }

        public void SendRest() => _rest.TrySetResult();

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            var half = _body.Length / 2;
            await stream.WriteAsync(_body.AsMemory(0, half));
            await stream.FlushAsync();
            await _rest.Task;
            await stream.WriteAsync(_body.AsMemory(half));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _body.Length;
            return true;
        }
    }
}
