using Incidents.EventStore.Postgres.Signals;
using Incidents.Projections.Runner;

namespace Incidents.Api.Dashboard.Live;

/// <summary>
/// Fans the projections' "updated" signal (this node's runner, or another node's through NOTIFY) out to every open
/// dashboard. Each change bumps a version; a dashboard connection waits for a version newer than the one it sent.
/// </summary>
public sealed class LiveUpdates
{
    private readonly AsyncSignal _updated;
    private TaskCompletionSource<long> _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _version;

    public LiveUpdates(SignalHub signals) => _updated = signals.Subscribe([ProjectionChannels.Updated]);

    public long Version => Interlocked.Read(ref _version);

    /// <summary>Relays signals until cancelled; hosted as a background loop.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (await _updated.WaitAsync(TimeSpan.FromMinutes(1), TimeProvider.System, cancellationToken))
            {
                var version = Interlocked.Increment(ref _version);
                Interlocked.Exchange(ref _next, new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously))
                    .TrySetResult(version);
            }
        }
    }

    /// <summary>The version after <paramref name="seen"/> as soon as there is one, or <paramref name="seen"/> after the timeout.</summary>
    public async Task<long> WaitAfterAsync(long seen, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var next = Volatile.Read(ref _next).Task;
        var current = Version;
        if (current != seen)
        {
            return current;
        }

        using var quiet = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var done = await Task.WhenAny(next, Task.Delay(timeout, TimeProvider.System, quiet.Token));
        await quiet.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
        return done == next ? await next : seen;
    }
}
