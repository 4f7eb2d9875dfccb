using System.Diagnostics;
using Incidents.EventStore.Postgres.Signals;
using Microsoft.Extensions.Options;
using Npgsql;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace Incidents.Api.Notifications.Outbox;

/// <summary>
/// Delivers outbox rows after their commands committed: leases due rows in one short statement (<c>SKIP LOCKED</c>, so
/// several nodes share the work), delivers them outside any transaction with a few immediate retries, then marks each
/// delivered or puts it back with exponential backoff and jitter. Wakes when a command writes notifications (locally or
/// through LISTEN/NOTIFY), when the next retry comes due, or at the poll interval. When the node stops, deliveries under
/// way are cut off and every row of the lease that is not settled is handed back at once.
/// </summary>
public sealed class OutboxDispatcher
{
    private static readonly TimeSpan MaxFaultBackoff = TimeSpan.FromSeconds(5);

    /// <summary>How long recording a delivery's outcome may take; it must not be cut off by shutdown, or a delivered row would go out again.</summary>
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(10);

    private readonly NpgsqlDataSource _dataSource;
    private readonly IReadOnlyDictionary<string, INotificationChannel> _channels;
    private readonly TimeProvider _time;
    private readonly NotificationOptions _options;
    private readonly NotificationMetrics _metrics;
    private readonly ILogger<OutboxDispatcher> _logger;
    private readonly AsyncSignal _wakeUp;
    private readonly ResiliencePipeline _immediateRetries;

    public OutboxDispatcher(
        NpgsqlDataSource dataSource,
        IEnumerable<INotificationChannel> channels,
        SignalHub signals,
        TimeProvider time,
        IOptions<NotificationOptions> options,
        NotificationMetrics metrics,
        ILogger<OutboxDispatcher> logger)
    {
        _dataSource = dataSource;
        _channels = channels.ToDictionary(c => c.Name, StringComparer.Ordinal);
        _time = time;
        _options = options.Value;
        _metrics = metrics;
        _logger = logger;
        _wakeUp = signals.Subscribe(NotificationSignals.Outbox);
        var retries = new ResiliencePipelineBuilder { TimeProvider = time };
        if (_options.ImmediateRetries > 0)
        {
            retries.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not (UndeliverableException or BrokenCircuitException)),
                MaxRetryAttempts = _options.ImmediateRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.ImmediateRetryDelay,
            });
        }

        _immediateRetries = retries.Build();
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var faults = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            TimeSpan wait;
            try
            {
                var leased = await DeliverBatchAsync(cancellationToken);
                faults = 0;
                if (leased >= _options.BatchSize)
                {
                    continue;
                }

                wait = await TimeUntilNextDueAsync(cancellationToken);
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException && !cancellationToken.IsCancellationRequested)
            {
                faults++;
                wait = TimeSpan.FromTicks(Math.Min(TimeSpan.FromMilliseconds(100).Ticks << Math.Min(faults - 1, 10), MaxFaultBackoff.Ticks));
                _logger.LogWarning(e, "Could not deliver notifications; trying again in {Backoff}", wait);
            }

            if (wait > TimeSpan.Zero)
            {
                await _wakeUp.WaitAsync(wait, _time, cancellationToken);
            }
        }
    }

    /// <summary>Leases one batch and delivers it; returns how many rows were leased.</summary>
    private async Task<int> DeliverBatchAsync(CancellationToken cancellationToken)
    {
        var lease = Guid.CreateVersion7();
        try
        {
            var messages = await OutboxRows.LeaseAsync(
                _dataSource, lease, _time.GetUtcNow(), _options.LeaseDuration, _options.BatchSize, cancellationToken);
            await Parallel.ForEachAsync(
                messages,
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.Parallelism), CancellationToken = cancellationToken },
                (message, token) => new ValueTask(DeliverAsync(message, lease, token)));
            return messages.Count;
        }
        finally
        {
            if (cancellationToken.IsCancellationRequested)
            {
                await ReleaseAsync(lease);
            }
        }
    }

    private async Task DeliverAsync(OutboxMessage message, Guid lease, CancellationToken cancellationToken)
    {
        using var span = DeliverySpan.Start(message);
        using var settle = new CancellationTokenSource(SettleTimeout);
        Exception? attemptFailed = null;
        try
        {
            var channel = _channels.TryGetValue(message.Channel, out var known)
                ? known
                : throw new UndeliverableException($"No channel delivers '{message.Channel}'.");
            await _immediateRetries.ExecuteAsync(
                async token =>
                {
                    try
                    {
                        await channel.DeliverAsync(message, token);
                    }
                    catch (Exception e) when (e is not BrokenCircuitException)
                    {
                        attemptFailed = e;
                        throw;
                    }
                },
                cancellationToken);
        }
        catch (BrokenCircuitException e) when (attemptFailed is null && !cancellationToken.IsCancellationRequested)
        {
            var retryAt = _time.GetUtcNow() + (e.RetryAfter ?? _options.CircuitBreaker.BreakDuration);
            await OutboxRows.PutBackAsync(_dataSource, message.Id, lease, $"{e.GetType().Name}: {e.Message}", retryAt, settle.Token);
            _metrics.Failed(message, "circuit-open");
            span?.SetTag("incidents.outcome", "circuit-open");
            _logger.LogDebug("Notification {OutboxId} waits for its destination's circuit to close, until {RetryAt}", message.Id, retryAt);
            return;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // A circuit that opened during this lease's retries: the row failed its attempts, and waits at least for the break.
            var error = e is BrokenCircuitException ? attemptFailed! : e;
            var now = _time.GetUtcNow();
            var delay = RetryDelay(message.Attempts);
            if (e is BrokenCircuitException { RetryAfter: { } breakLeft } && breakLeft > delay)
            {
                delay = breakLeft;
            }

            var giveUp = error is UndeliverableException || message.Attempts >= _options.MaxAttempts;
            await OutboxRows.MarkFailedAsync(
                _dataSource, message.Id, lease, $"{error.GetType().Name}: {error.Message}", now + delay, giveUp ? now : null, settle.Token);
            _metrics.Failed(message, giveUp ? "abandoned" : "retry");
            span?.SetTag("incidents.outcome", giveUp ? "abandoned" : "retry");
            span?.SetStatus(ActivityStatusCode.Error, error.Message);
            if (giveUp)
            {
                _logger.LogError(error, "Gave up delivering notification {OutboxId} ({Type}) by {Channel} after {Attempts} attempt(s)",
                    message.Id, message.Type, message.Channel, message.Attempts);
            }
            else
            {
                _logger.LogWarning(error, "Could not deliver notification {OutboxId} by {Channel}; attempt {Attempts} of {MaxAttempts}",
                    message.Id, message.Channel, message.Attempts, _options.MaxAttempts);
            }

            return;
        }

        await OutboxRows.MarkDeliveredAsync(_dataSource, message.Id, lease, _time.GetUtcNow(), settle.Token);
        _metrics.Delivered(message);
        span?.SetTag("incidents.outcome", "delivered");
    }

    /// <summary>On shutdown: hands the lease's unsettled rows back, so another node delivers them now rather than when the lease runs out.</summary>
    private async Task ReleaseAsync(Guid lease)
    {
        using var settle = new CancellationTokenSource(SettleTimeout);
        try
        {
            var released = await OutboxRows.ReleaseAsync(_dataSource, lease, _time.GetUtcNow(), NotificationSignals.Outbox, settle.Token);
            if (released > 0)
            {
                _logger.LogInformation("Stopping: handed back {Count} notification(s) that were being delivered", released);
            }
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or OperationCanceledException)
        {
            _logger.LogWarning(e, "Stopping: could not hand back leased notifications; they come due when their lease runs out");
        }
    }

    private async Task<TimeSpan> TimeUntilNextDueAsync(CancellationToken cancellationToken)
    {
        var next = await OutboxRows.NextDueAsync(_dataSource, cancellationToken);
        if (next is null)
        {
            return _options.PollInterval;
        }

        var until = next.Value - _time.GetUtcNow();
        return until <= TimeSpan.Zero ? TimeSpan.Zero
            : until < _options.PollInterval ? until
            : _options.PollInterval;
    }

    /// <summary>Exponential in the number of attempts, capped, with ±20 % jitter so that many failed rows do not return together.</summary>
    private TimeSpan RetryDelay(int attempts)
    {
        var exponential = Math.Min(_options.RetryDelay.Ticks * (1L << Math.Clamp(attempts - 1, 0, 20)), _options.RetryCap.Ticks);
        return TimeSpan.FromTicks((long)(exponential * (0.8 + (0.4 * Random.Shared.NextDouble()))));
    }
}
