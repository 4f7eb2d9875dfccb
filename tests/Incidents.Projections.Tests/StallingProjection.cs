using Incidents.EventStore.Postgres.Streams;
using Incidents.Projections.Runner;

namespace Incidents.Projections.Tests;

/// <summary>
/// Wraps a projection and, in the given batch, writes half of it and then hangs, so a test can kill the runner in
/// the middle of a batch. Reports the backend of the batch's connection.
/// </summary>
public sealed class StallingProjection(IAsyncProjection inner, int stallInBatch) : IAsyncProjection
{
    private int _batches;

    public TaskCompletionSource<int> Stalled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Name => inner.Name;

    public IReadOnlyList<string> Tables => inner.Tables;

    public async Task ApplyAsync(IReadOnlyList<RecordedEvent> events, ProjectionWriteContext context, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _batches) != stallInBatch)
        {
            await inner.ApplyAsync(events, context, cancellationToken);
            return;
        }

        await inner.ApplyAsync(events.Take(events.Count / 2).ToList(), context, cancellationToken);
        Stalled.SetResult(context.Connection.ProcessID);
        await Task.Delay(Timeout.Infinite, cancellationToken);
    }
}
