using System.Net;
using Incidents.Api.Tests.Support;
using Incidents.Domain.Access;

namespace Incidents.Api.Tests.Notifications;

/// <summary>
/// Two webhook receivers, one of them down: the service stops hammering the one that fails, keeps delivering to the other,
/// and delivers everything that waited once the failing one recovers.
/// </summary>
public sealed class CircuitBreakerTests : IAsyncLifetime
{
    private const string Reported = "jp.incidents.incident.reported";

    private readonly ManualTimeProvider _clock = new();
    private TestDatabase _database = null!;
    private WebhookReceiver _down = null!;
    private WebhookReceiver _up = null!;
    private ConfiguredApiFactory _node = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("circuits");
        _down = await WebhookReceiver.StartAsync();
        _up = await WebhookReceiver.StartAsync();
        _node = new ConfiguredApiFactory(_database, _clock, new Dictionary<string, string?>
        {
            ["Notifications:ImmediateRetryDelay"] = "00:00:00",
            ["Notifications:RetryDelay"] = "00:00:10",
            ["Notifications:Parallelism"] = "1",
            ["Notifications:CircuitBreaker:MinimumThroughput"] = "2",
            ["Notifications:CircuitBreaker:FailureRatio"] = "0.5",
            ["Notifications:CircuitBreaker:SamplingDuration"] = "00:10:00",
            ["Notifications:CircuitBreaker:BreakDuration"] = "00:01:00",
        });
        _ = _node.Server;
    }

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        await _down.DisposeAsync();
        await _up.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_failing_receiver_is_paused_others_keep_receiving_and_it_gets_everything_once_it_recovers()
    {
        var admin = await _node.ClientForAsync("kobayashi", Role.Admin);
        var staff = await _node.ClientForAsync("alice", Role.Staff);
        foreach (var receiver in new[] { _down, _up })
        {
            var subscribed = await admin.PostJsonAsync("/api/webhooks", new { url = receiver.Url, types = new[] { Reported } });
            Assert.Equal(HttpStatusCode.Created, subscribed.StatusCode);
        }

        _down.AnswerOtherwise(500);

        var first = (await staff.ReportAsync(ApiCalls.ImpersonationReport("@fake_1"))).Id;
        Assert.Equal([500, 500], new[] { await _down.NextAsync(), await _down.NextAsync() }.Select(d => d.AnsweredWith));
        var second = (await staff.ReportAsync(ApiCalls.ImpersonationReport("@fake_2"))).Id;
        var third = (await staff.ReportAsync(ApiCalls.ImpersonationReport("@fake_3"))).Id;

        var toUp = new[] { await _up.NextAsync(), await _up.NextAsync(), await _up.NextAsync() };
        Assert.Equal(new[] { first, second, third }.Order(), toUp.Select(d => d.Event["data"]!["incidentId"]!.GetValue<string>()).Order());
        await Eventually.ReadAsync(
            () => _database.ScalarAsync<long>("select count(*) from outbox where last_error like 'BrokenCircuitException%'"), n => n == 2,
            "the later deliveries to the failing receiver to wait for its circuit");
        Assert.False(_down.TryTake(out _), "a paused receiver gets no attempts");
        Assert.Equal(1, await _database.ScalarAsync<long>(
            "select sum(o.attempts) from outbox o join webhook_subscriptions s on s.id::text = o.destination where s.url = $1", _down.Url));
        var paused = (await (await _node.CreateClient().GetAsync("/health/ready")).JsonAsync())["checks"]!["notifications"]!["data"]!["pausedDestinations"]!;
        Assert.Equal("open", paused[new Uri(_down.Url).GetLeftPart(UriPartial.Authority)]!.GetValue<string>());

        _down.AnswerOtherwise(204);
        _clock.Advance(TimeSpan.FromMinutes(1));
        Wake.Outbox(_node);

        var recovered = new[] { await _down.NextAsync(), await _down.NextAsync(), await _down.NextAsync() };
        Assert.All(recovered, d => Assert.Equal(204, d.AnsweredWith));
        Assert.Equal(
            new[] { first, second, third }.Order(),
            recovered.Select(d => d.Event["data"]!["incidentId"]!.GetValue<string>()).Order());
        await Eventually.ReadAsync(
            () => _database.ScalarAsync<long>("select count(*) from outbox where delivered_at is null"), n => n == 0, "every notification to be delivered",
            () => Wake.Outbox(_node));
        paused = (await (await _node.CreateClient().GetAsync("/health/ready")).JsonAsync())["checks"]!["notifications"]!["data"]!["pausedDestinations"]!;
        Assert.Empty(paused.AsObject());
    }
}
