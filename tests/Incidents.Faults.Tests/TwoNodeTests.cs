using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Incidents.Domain.Access;
using Incidents.Testing;
using Xunit.Abstractions;

namespace Incidents.Faults.Tests;

/// <summary>
/// Two API processes on one database, as in production behind a load balancer: they serve the same incidents, fire each
/// timer once, run each projection on one node at a time and deliver each notification once.
/// </summary>
public sealed class TwoNodeTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Incidents = 6;
    private const int Escalations = 4;
    private const string Step = "report-to-officers";
    private const string Overrides = "Runbooks:Overrides:impersonation:" + Step;

    /// <summary>An impersonation's first step is due two seconds after the report and climbs a ladder of one-second rungs, on the real clock.</summary>
    private static readonly Dictionary<string, string> Settings = new()
    {
        [$"{Overrides}:Deadline"] = "2s",
        [$"{Overrides}:Ladder:Rungs:0:After"] = "0s",
        [$"{Overrides}:Ladder:Rungs:0:Notify"] = "staff",
        [$"{Overrides}:Ladder:Rungs:1:After"] = "1s",
        [$"{Overrides}:Ladder:Rungs:1:Notify"] = "department-head",
        [$"{Overrides}:Ladder:Rungs:2:After"] = "1s",
        [$"{Overrides}:Ladder:Rungs:2:Notify"] = "ciso",
        [$"{Overrides}:Ladder:Rungs:3:After"] = "1s",
        [$"{Overrides}:Ladder:Rungs:3:Notify"] = "ciso",
        ["Notifications:ImmediateRetryDelay"] = "00:00:00.050",
    };

    private static readonly string[] Projections = ["incident-list", "incident-timeline", "overdue-queue", "response-metrics"];

    private TestDatabase _database = null!;
    private WebhookReceiver _receiver = null!;
    private ServiceProcess[] _nodes = [];

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("twonodes");
        _receiver = await WebhookReceiver.StartAsync();
        _nodes = await Task.WhenAll(ServiceProcess.StartAsync(_database.ConnectionString, Settings), ServiceProcess.StartAsync(_database.ConnectionString, Settings));
    }

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        await _receiver.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Two_nodes_serve_the_same_incidents_fire_each_timer_once_run_each_projection_once_and_deliver_each_notification_once()
    {
        var elapsed = Stopwatch.StartNew();
        var connection = _database.ConnectionString;
        var (staffToken, headToken, adminToken) = (
            await ServiceProcess.CreateUserAsync(connection, "alice", Role.Staff),
            await ServiceProcess.CreateUserAsync(connection, "hiroshi", Role.DepartmentHead),
            await ServiceProcess.CreateUserAsync(connection, "kobayashi", Role.Admin));
        var staff = _nodes.Select(n => n.Client(staffToken)).ToArray();
        var head = _nodes.Select(n => n.Client(headToken)).ToArray();
        var admin = _nodes.Select(n => n.Client(adminToken)).ToArray();
        Assert.Equal(HttpStatusCode.Created, (await admin[0].PostAsJsonAsync("/api/webhooks", new { url = _receiver.Url })).StatusCode);

        // Hoaxes keep their default deadlines (hours), so nothing but these commands changes them meanwhile.
        for (var i = 0; i < 4; i++)
        {
            var (here, there) = (i % 2, (i + 1) % 2);
            var reported = await staff[here].PostAsJsonAsync("/api/incidents", Report("hoax", $"@rumour_{i}"));
            Assert.Equal(HttpStatusCode.Created, reported.StatusCode);
            var id = (await JsonAsync(reported))["id"]!.GetValue<string>();

            var read = await staff[there].GetAsync($"/api/incidents/{id}");
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            Assert.Equal(reported.Headers.ETag, read.Headers.ETag);
            var acknowledged = await PostAsync(head[there], $"/api/incidents/{id}/acknowledge", read.Headers.ETag!.Tag);
            Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
            var stale = await PostAsync(head[here], $"/api/incidents/{id}/acknowledge", read.Headers.ETag!.Tag);
            Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
            Assert.Equal(acknowledged.Headers.ETag, stale.Headers.ETag);
            Assert.Equal("responding", (await JsonAsync(await staff[here].GetAsync($"/api/incidents/{id}")))["status"]!.GetValue<string>());
        }

        var ids = new List<string>();
        for (var i = 0; i < Incidents; i++)
        {
            var reported = await staff[i % 2].PostAsJsonAsync("/api/incidents", Report("impersonation", $"@fake_town_{i}"));
            Assert.Equal(HttpStatusCode.Created, reported.StatusCode);
            ids.Add((await JsonAsync(reported))["id"]!.GetValue<string>());
        }

        var leadership = new List<string>();
        await Until(
            async () =>
            {
                leadership.Add(await LeadersAsync(admin));
                return await _database.ScalarAsync<long>(
                    "select count(*) from events where type = 'step-escalated' and data->>'stepKey' = $1", Step) >= Incidents * Escalations;
            },
            "every escalation of every incident");
        await Until(
            async () => await _database.ScalarAsync<long>("select count(*) from outbox where delivered_at is null") == 0,
            "every notification to be delivered");
        await ProjectionCatchUp.WaitAsync(connection);
        leadership.Add(await LeadersAsync(admin));

        Assert.Equal(0, await _database.ScalarAsync<long>("""
            select count(*) from (
                select 1 from events where type = 'step-escalated'
                 group by stream_id, data->>'stepKey', data->>'generation', data->>'escalation'
                having count(*) > 1) as duplicated
            """));
        Assert.All(ids, id => Assert.Equal(
            Enumerable.Range(1, Escalations),
            _database.ListAsync<int>(
                "select (data->>'escalation')::int from events where stream_id = $1 and type = 'step-escalated' order by 1", "incident-" + id)
                .GetAwaiter().GetResult()));
        Assert.Equal(Incidents, await _database.ScalarAsync<long>(
            "select count(*) from timers where group_key like '%/' || $1 and payload->>'escalation' = $2", Step, (Escalations + 1).ToString()));

        Assert.All(leadership, sample => Assert.Equal("one leader each", sample));
        Assert.Equal(Projections.Length, await LeaderLocks.CountAsync(_database));
        var incidentEvents = await _database.ScalarAsync<long>("select count(*) from events where stream_id like 'incident-%'");
        Assert.Equal(incidentEvents, await _database.ScalarAsync<long>("select count(*) from timeline_events"));
        Assert.Equal(Incidents + 4, await _database.ScalarAsync<long>("select count(*) from response_times"));
        Assert.Equal(Incidents + 4, await _database.ScalarAsync<long>("select count(*) from incident_summaries"));
        var timelines = await Task.WhenAll(staff.Select(s => s.GetStringAsync($"/api/incidents/{ids[0]}/timeline")));
        Assert.Equal(timelines[0], timelines[1]);

        var deliveries = new List<ReceivedWebhook>();
        while (_receiver.TryTake(out var delivery))
        {
            deliveries.Add(delivery!);
        }

        var outbox = (await _database.ListAsync<Guid>("select id from outbox where channel = 'webhook'")).Select(id => id.ToString("D")).Order().ToList();
        Assert.Equal(outbox, deliveries.Select(d => d.Event["id"]!.GetValue<string>()).Order().ToList());
        Assert.All(deliveries, d => Assert.Equal(204, d.AnsweredWith));

        var fired = await Task.WhenAll(admin.Select(async a => (await ReadyAsync(a))["checks"]!["deadline-timers"]!["data"]!["firedByThisNode"]!.GetValue<long>()));
        output.WriteLine($"{Incidents} incidents, {Incidents * Escalations} escalations (timers fired per node: {string.Join(" + ", fired)}), " +
            $"{deliveries.Count} webhook deliveries, {leadership.Count} leadership samples, in {elapsed.Elapsed.TotalSeconds:F1} s");
    }

    private static JsonObject Report(string kind, string handle) => new()
    {
        ["kind"] = kind, ["platform"] = "x", ["accountHandle"] = handle, ["whatWasSeen"] = "町の名前を使った投稿",
    };

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(new { }) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return await client.SendAsync(request);
    }

    private static async Task<JsonNode> JsonAsync(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    private static async Task<JsonNode> ReadyAsync(HttpClient client) => await JsonAsync(await client.GetAsync("/health/ready"));

    /// <summary>Asks both nodes which projections they lead; "one leader each" when every projection has exactly one.</summary>
    private static async Task<string> LeadersAsync(HttpClient[] admins)
    {
        var views = await Task.WhenAll(admins.Select(async a => (await JsonAsync(await a.GetAsync("/api/projections")))["items"]!.AsArray()));
        var leaders = Projections.ToDictionary(
            p => p,
            p => views.Count(v => v.Any(item => item!["name"]!.GetValue<string>() == p && item["leaderHere"]!.GetValue<bool>())));
        return leaders.Values.All(n => n == 1) ? "one leader each" : string.Join(", ", leaders.Select(l => $"{l.Key}: {l.Value} leaders"));
    }

    private static async Task Until(Func<Task<bool>> condition, string what)
    {
        var giveUp = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(giveUp.Elapsed < TimeSpan.FromSeconds(45), $"gave up waiting for {what}");
            await Task.Delay(100);
        }
    }
}
