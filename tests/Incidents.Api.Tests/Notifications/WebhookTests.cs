using System.Net;
using System.Security.Cryptography;
using System.Text;
using Incidents.Api.Tests.Support;
using Incidents.Domain.Access;
using Incidents.Testing;

namespace Incidents.Api.Tests.Notifications;

/// <summary>Outgoing webhooks: managed by administrators, delivered after commit as signed CloudEvents, retried until accepted.</summary>
public sealed class WebhookTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Notifications:ImmediateRetryDelay"] = "00:00:00",
        ["Notifications:RetryDelay"] = "00:01:00",
    };

    private readonly ManualTimeProvider _clock = new();
    private readonly List<ApiFactory> _nodes = [];
    private TestDatabase _database = null!;
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("webhooks");
        _receiver = await WebhookReceiver.StartAsync();
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

    private ApiFactory StartNode()
    {
        var node = new ConfiguredApiFactory(_database, _clock, Settings);
        _ = node.Server;
        _nodes.Add(node);
        return node;
    }

    private static async Task<(string Id, string Secret)> SubscribeAsync(HttpClient admin, string url, params string[] types)
    {
        var response = await admin.PostJsonAsync("/api/webhooks", types.Length == 0 ? new { url } : new { url, types });
        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToJsonString());
        return (body["subscription"]!["id"]!.GetValue<string>(), body["secret"]!.GetValue<string>());
    }

    private static string Sign(string secret, string timestamp, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), (byte[])[.. Encoding.UTF8.GetBytes(timestamp + "."), .. body]));

    [Fact]
    public async Task Administrators_manage_subscriptions_and_see_the_secret_only_once()
    {
        var node = StartNode();
        var admin = await node.ClientForAsync("kobayashi", Role.Admin);
        var staff = await node.ClientForAsync("alice", Role.Staff);

        var (id, secret) = await SubscribeAsync(admin, _receiver.Url, "jp.incidents.step.escalated");

        Assert.StartsWith("whsec_", secret);
        Assert.Equal(32, Convert.FromBase64String(secret["whsec_".Length..].Replace('-', '+').Replace('_', '/') + "=").Length);
        var listed = await (await admin.GetAsync("/api/webhooks")).JsonAsync();
        Assert.Equal(id, listed["items"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(["jp.incidents.step.escalated"], listed["items"]![0]!["types"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.DoesNotContain(secret["whsec_".Length..], listed.ToJsonString());
        Assert.DoesNotContain("secret", listed.ToJsonString(), StringComparison.OrdinalIgnoreCase);

        await (await staff.GetAsync("/api/webhooks")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await staff.PostJsonAsync("/api/webhooks", new { url = _receiver.Url })).AssertProblemAsync(HttpStatusCode.Forbidden);
        var chosenSecret = await admin.PostJsonAsync("/api/webhooks", new { url = _receiver.Url, secret = "my-own-secret" });
        Assert.Equal("secret-field", (await chosenSecret.AssertProblemAsync(HttpStatusCode.UnprocessableEntity))["code"]!.GetValue<string>());
        await (await admin.PostJsonAsync("/api/webhooks", new { url = "ftp://example.org/x" })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await admin.PostJsonAsync("/api/webhooks", new { url = _receiver.Url, types = new[] { "jp.incidents.everything" } }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);

        var disabled = await admin.PostJsonAsync($"/api/webhooks/{id}/disable", null);
        Assert.False((await disabled.JsonAsync())["active"]!.GetValue<bool>());
        await (await admin.PostJsonAsync($"/api/webhooks/{Guid.NewGuid():D}/disable", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        await staff.ReportAsync();
        Assert.Equal(0, await _database.ScalarAsync<long>("select count(*) from outbox where destination = $1", id));
    }

    [Fact]
    public async Task Notifications_arrive_as_cloud_events_signed_with_the_subscription_secret()
    {
        var node = StartNode();
        var admin = await node.ClientForAsync("kobayashi", Role.Admin);
        var staff = await node.ClientForAsync("alice", Role.Staff);
        var (subscription, secret) = await SubscribeAsync(admin, _receiver.Url);

        var (id, _) = await staff.ReportAsync();
        var delivery = await _receiver.NextOfTypeAsync("jp.incidents.incident.reported");

        Assert.StartsWith("application/cloudevents+json", delivery.Headers["Content-Type"]);
        Assert.Equal(Sign(secret, delivery.Headers["X-Incidents-Timestamp"], delivery.Body), delivery.Headers["X-Incidents-Signature"]);
        var cloudEvent = delivery.Event;
        var outboxId = await _database.ScalarAsync<Guid>(
            "select id from outbox where destination = $1 and type = 'jp.incidents.incident.reported'", subscription);
        Assert.Equal(
            ("1.0", outboxId.ToString("D"), "/incidents", $"incidents/{id}", "application/json"),
            (cloudEvent["specversion"]!.GetValue<string>(), cloudEvent["id"]!.GetValue<string>(), cloudEvent["source"]!.GetValue<string>(),
             cloudEvent["subject"]!.GetValue<string>(), cloudEvent["datacontenttype"]!.GetValue<string>()));
        Assert.Equal(_clock.GetUtcNow(), cloudEvent["time"]!.GetValue<DateTimeOffset>());
        var data = cloudEvent["data"]!;
        Assert.Equal((id, "impersonation", "@fake_misato_town"), (data["incidentId"]!.GetValue<string>(), data["incidentKind"]!.GetValue<string>(), data["event"]!["accountHandle"]!.GetValue<string>()));
        Assert.Equal(["department-head"], data["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        await Eventually.ReadAsync(
            () => _database.ScalarAsync<long>("select count(*) from outbox where id = $1 and delivered_at is not null", outboxId), n => n == 1, "the delivery to be marked");

        node.AdvanceAndWakeTimers(_clock, TimeSpan.FromHours(1));
        var escalated = (await _receiver.NextOfTypeAsync("jp.incidents.step.escalated")).Event["data"]!;
        Assert.Equal(("report-to-officers", "staff"), (escalated["event"]!["stepKey"]!.GetValue<string>(), escalated["event"]!["notifiedRole"]!.GetValue<string>()));
        Assert.Contains("期限", escalated["summary"]!["ja"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_failed_delivery_is_retried_at_once_with_the_same_id_and_signature()
    {
        var node = StartNode();
        var admin = await node.ClientForAsync("kobayashi", Role.Admin);
        var staff = await node.ClientForAsync("alice", Role.Staff);
        var (subscription, secret) = await SubscribeAsync(admin, _receiver.Url, "jp.incidents.incident.reported");
        _receiver.AnswerNext(500, 503);

        await staff.ReportAsync();

        var attempts = new[] { await _receiver.NextAsync(), await _receiver.NextAsync(), await _receiver.NextAsync() };
        Assert.Equal([500, 503, 204], attempts.Select(a => a.AnsweredWith));
        Assert.Single(attempts.Select(a => a.Event["id"]!.GetValue<string>()).Distinct());
        Assert.All(attempts, a => Assert.Equal(Sign(secret, a.Headers["X-Incidents-Timestamp"], a.Body), a.Headers["X-Incidents-Signature"]));
        await Eventually.ReadAsync(
            () => _database.ScalarAsync<long>("select count(*) from outbox where destination = $1 and delivered_at is not null and attempts = 1", subscription),
            n => n == 1, "the delivery to be marked after one lease");
    }

    [Fact]
    public async Task A_delivery_that_keeps_failing_waits_for_its_retry_without_holding_up_commands_and_survives_a_restart()
    {
        var first = StartNode();
        var admin = await first.ClientForAsync("kobayashi", Role.Admin);
        var staff = await first.ClientForAsync("alice", Role.Staff);
        var (subscription, _) = await SubscribeAsync(admin, _receiver.Url, "jp.incidents.incident.reported");
        _receiver.AnswerNext(500, 500, 500);

        var (id, _) = await staff.ReportAsync();

        Assert.Equal([500, 500, 500], new[] { await _receiver.NextAsync(), await _receiver.NextAsync(), await _receiver.NextAsync() }.Select(a => a.AnsweredWith));
        var error = await Eventually.ReadAsync(
            () => _database.ScalarAsync<string?>("select last_error from outbox where destination = $1", subscription), e => e is not null, "the failure to be recorded");
        Assert.Contains("500", error);
        Assert.Equal(1, await _database.ScalarAsync<long>(
            "select count(*) from outbox where destination = $1 and delivered_at is null and next_attempt_at > $2", subscription, _clock.GetUtcNow()));
        (_, var incident) = await staff.GetIncidentAsync(id);
        Assert.Equal("reported", incident["status"]!.GetValue<string>());

        await first.DisposeAsync();
        _nodes.Remove(first);
        var second = StartNode();
        _clock.Advance(TimeSpan.FromMinutes(2));
        Wake.Outbox(second);

        var retried = await _receiver.NextAsync();
        Assert.Equal(204, retried.AnsweredWith);
        await Eventually.ReadAsync(
            () => _database.ScalarAsync<long>("select count(*) from outbox where destination = $1 and delivered_at is not null and attempts = 2", subscription),
            n => n == 1, "the retried delivery to be marked", () => Wake.Outbox(second));
    }
}
