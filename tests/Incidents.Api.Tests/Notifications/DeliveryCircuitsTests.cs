using Incidents.Api.Notifications;
using Incidents.Api.Notifications.Outbox;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Incidents.Api.Tests.Notifications;

/// <summary>The circuit breaker in front of each destination, driven by a controllable clock and attempts that fail on demand.</summary>
public sealed class DeliveryCircuitsTests
{
    private const string Failing = "https://hooks.failing.example/incidents?token=secret";
    private const string Healthy = "https://hooks.healthy.example/incidents";
    private static readonly TimeSpan Break = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private readonly ManualTimeProvider _clock = new();
    private readonly DeliveryCircuits _circuits;

    public DeliveryCircuitsTests() =>
        _circuits = new DeliveryCircuits(
            Options.Create(new NotificationOptions
            {
                CircuitBreaker = new DeliveryCircuitOptions
                {
                    FailureRatio = 0.5, MinimumThroughput = 3, SamplingDuration = TimeSpan.FromMinutes(1), BreakDuration = Break,
                },
            }),
            _clock,
            NullLogger<DeliveryCircuits>.Instance);

    private Task DeliverAsync(string destination, Func<CancellationToken, Task> attempt) =>
        _circuits.DeliverAsync(destination, new Uri(destination).GetLeftPart(UriPartial.Authority), Timeout, attempt, CancellationToken.None);

    private static Task Fail(CancellationToken _) => throw new DeliveryFailedException("The receiver answered 500.");

    private async Task BreakFailingAsync()
    {
        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<DeliveryFailedException>(() => DeliverAsync(Failing, Fail));
        }
    }

    [Fact]
    public async Task A_destination_that_keeps_failing_is_paused_while_other_destinations_are_still_delivered_to()
    {
        await BreakFailingAsync();

        var attempted = false;
        var broken = await Assert.ThrowsAsync<BrokenCircuitException>(() => DeliverAsync(Failing, _ => Task.FromResult(attempted = true)));
        await DeliverAsync(Healthy, _ => Task.CompletedTask);

        Assert.False(attempted);
        Assert.Equal(Break, broken.RetryAfter);
        Assert.Equal(new Dictionary<string, string> { ["https://hooks.failing.example"] = "open" }, _circuits.NotClosed());
    }

    [Fact]
    public async Task After_the_break_one_trial_delivery_is_let_through_and_its_success_closes_the_circuit()
    {
        await BreakFailingAsync();
        _clock.Advance(Break);

        IReadOnlyDictionary<string, string>? duringTrial = null;
        await DeliverAsync(Failing, _ =>
        {
            duringTrial = _circuits.NotClosed();
            return Task.CompletedTask;
        });

        Assert.Equal("halfopen", duringTrial!["https://hooks.failing.example"]);
        Assert.Empty(_circuits.NotClosed());
        await DeliverAsync(Failing, _ => Task.CompletedTask);
    }

    [Fact]
    public async Task A_trial_that_fails_pauses_the_destination_for_another_break()
    {
        await BreakFailingAsync();
        _clock.Advance(Break);

        await Assert.ThrowsAsync<DeliveryFailedException>(() => DeliverAsync(Failing, Fail));

        await Assert.ThrowsAsync<BrokenCircuitException>(() => DeliverAsync(Failing, _ => Task.CompletedTask));
        _clock.Advance(Break);
        await DeliverAsync(Failing, _ => Task.CompletedTask);
        Assert.Empty(_circuits.NotClosed());
    }

    [Fact]
    public async Task An_attempt_that_outlasts_its_timeout_is_cut_off_and_counts_against_the_destination()
    {
        var started = DateTime.UtcNow;
        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<TimeoutRejectedException>(() => _circuits.DeliverAsync(
                Failing, "failing", TimeSpan.FromMilliseconds(50), token => Task.Delay(System.Threading.Timeout.InfiniteTimeSpan, token),
                CancellationToken.None));
        }

        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5));
        await Assert.ThrowsAsync<BrokenCircuitException>(() => DeliverAsync(Failing, _ => Task.CompletedTask));
    }

    [Fact]
    public async Task Notifications_that_cannot_be_delivered_anywhere_and_shutdowns_do_not_count_against_the_destination()
    {
        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<UndeliverableException>(() => DeliverAsync(Failing, _ => throw new UndeliverableException("disabled")));
        }

        using var stopping = new CancellationTokenSource();
        await stopping.CancelAsync();
        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _circuits.DeliverAsync(
                Failing, "failing", Timeout, token => Task.Delay(System.Threading.Timeout.InfiniteTimeSpan, token), stopping.Token));
        }

        await DeliverAsync(Failing, _ => Task.CompletedTask);
        Assert.Empty(_circuits.NotClosed());
    }
}
