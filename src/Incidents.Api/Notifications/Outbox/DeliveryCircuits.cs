using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;

namespace Incidents.Api.Notifications.Outbox;

/// <summary>
/// A circuit breaker per destination (a webhook URL, an SMTP server), with a timeout on every attempt behind it. A
/// destination that keeps failing is left alone for a while: its deliveries fail at once with
/// <see cref="BrokenCircuitException"/> and go back to the outbox until the break ends, while deliveries to every other
/// destination go on. The state is this node's own: each node finds out about a failing receiver by itself.
/// </summary>
public sealed class DeliveryCircuits(IOptions<NotificationOptions> options, TimeProvider time, ILogger<DeliveryCircuits> logger)
{
    private readonly ConcurrentDictionary<string, Circuit> _circuits = new(StringComparer.Ordinal);

    /// <summary>Runs one delivery attempt through the destination's circuit and within <paramref name="timeout"/>.</summary>
    /// <param name="destination">What the circuit is keyed by: a webhook's full URL, or the SMTP server's host:port.</param>
    /// <param name="label">How logs and health name the destination: never a URL's path or query, which may carry secrets.</param>
    public async Task DeliverAsync(
        string destination, string label, TimeSpan timeout, Func<CancellationToken, Task> attempt, CancellationToken cancellationToken)
    {
        var circuit = _circuits.GetOrAdd(destination, _ => Create(label, timeout));
        await circuit.Pipeline.ExecuteAsync(static async (attempt, token) => await attempt(token), attempt, cancellationToken);
    }

    /// <summary>The destinations this node is not delivering to normally right now, by label, with their state.</summary>
    public IReadOnlyDictionary<string, string> NotClosed() =>
        _circuits.Values
            .Where(c => c.State.CircuitState != CircuitState.Closed)
            .GroupBy(c => c.Label, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().State.CircuitState.ToString().ToLowerInvariant(), StringComparer.Ordinal);

    private Circuit Create(string label, TimeSpan timeout)
    {
        var settings = options.Value.CircuitBreaker;
        var state = new CircuitBreakerStateProvider();

        // Timeouts are about the network, so they run on the real clock even when the service's clock is a test's.
        var attemptTimeout = new ResiliencePipelineBuilder { TimeProvider = TimeProvider.System }.AddTimeout(timeout).Build();
        var pipeline = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(IsDestinationFault(args.Outcome.Exception, args.Context.CancellationToken)),
                FailureRatio = settings.FailureRatio,
                MinimumThroughput = settings.MinimumThroughput,
                SamplingDuration = settings.SamplingDuration,
                BreakDuration = settings.BreakDuration,
                StateProvider = state,
                OnOpened = args =>
                {
                    logger.LogWarning(
                        args.Outcome.Exception, "Deliveries to {Destination} keep failing; this node pauses them for {BreakDuration}",
                        label, args.BreakDuration);
                    return default;
                },
                OnHalfOpened = _ =>
                {
                    logger.LogInformation("Trying deliveries to {Destination} again", label);
                    return default;
                },
                OnClosed = _ =>
                {
                    logger.LogInformation("Deliveries to {Destination} succeed again", label);
                    return default;
                },
            })
            .AddPipeline(attemptTimeout)
            .Build();
        return new Circuit(label, pipeline, state);
    }

    /// <summary>
    /// What counts against a destination: anything but a notification that cannot be delivered anywhere, and this node
    /// shutting down.
    /// </summary>
    private static bool IsDestinationFault(Exception? exception, CancellationToken cancellationToken) => exception switch
    {
        null or UndeliverableException => false,
        OperationCanceledException when cancellationToken.IsCancellationRequested => false,
        _ => true,
    };

    private sealed record Circuit(string Label, ResiliencePipeline Pipeline, CircuitBreakerStateProvider State);
}
