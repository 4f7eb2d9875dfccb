namespace Incidents.EventStore.Postgres.Signals;

/// <summary>
/// An auto-reset wake-up: <see cref="Set"/> wakes the waiter, or the next wait if nobody waits. A waiter reads its
/// data after waking, so a <see cref="Set"/> that races with the wake-up loses nothing.
/// </summary>
public sealed class AsyncSignal
{
    private TaskCompletionSource _pending = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Set() => Volatile.Read(ref _pending).TrySetResult();

    /// <summary>Waits for a <see cref="Set"/> or the timeout; true when woken by a signal.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var pending = Volatile.Read(ref _pending);
        if (!pending.Task.IsCompleted)
        {
            using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var delay = Task.Delay(timeout, time, timeoutSource.Token);
            await Task.WhenAny(pending.Task, delay);
            await timeoutSource.CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
        }

        var signalled = pending.Task.IsCompleted;
        if (signalled)
        {
            Interlocked.CompareExchange(ref _pending, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), pending);
        }

        return signalled;
    }
}
