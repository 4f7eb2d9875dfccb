using Npgsql;
using Polly;
using Polly.Retry;

namespace Incidents.EventStore.Postgres.Resilience;

/// <summary>
/// Retries work against PostgreSQL after transient faults (lost connections, failover, serialisation failures) with
/// jittered exponential backoff. Only wrap work that is safe to repeat: reads, or a whole load-decide-append whose
/// expected version turns a repeated write into a conflict instead of a duplicate.
/// </summary>
public sealed class TransientFaultRetry
{
    private readonly ResiliencePipeline _pipeline;

    public TransientFaultRetry(TimeProvider time, int maxRetries = 4, TimeSpan? firstDelay = null)
    {
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<NpgsqlException>(IsTransient).Handle<TimeoutException>(),
                MaxRetryAttempts = maxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = firstDelay ?? TimeSpan.FromMilliseconds(100),
            })
            .Build();
    }

    public static bool IsTransient(NpgsqlException exception) => exception.IsTransient;

    public Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        _pipeline.ExecuteAsync(async token => await work(token), cancellationToken).AsTask();
}
