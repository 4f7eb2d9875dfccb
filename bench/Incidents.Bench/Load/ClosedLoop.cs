using System.Diagnostics;

namespace Incidents.Bench.Load;

/// <summary>
/// Maximum throughput: a fixed number of clients, each calling again as soon as its previous call returns, for a
/// warm-up and then a measured duration. Latency is per call.
/// </summary>
public static class ClosedLoop
{
    /// <param name="call">Given the client's number; it throws when the call failed.</param>
    public static async Task<LoadResult> RunAsync(
        int clients, TimeSpan warmUp, TimeSpan duration, Func<int, CancellationToken, Task> call, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        var windowStart = start + (long)(warmUp.TotalSeconds * Stopwatch.Frequency);
        var windowEnd = windowStart + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var recorder = new CallRecorder(windowStart, windowEnd, countCallsEndingLate: false);
        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < windowEnd)
            {
                var began = Stopwatch.GetTimestamp();
                try
                {
                    await call(client, cancellationToken);
                    recorder.Completed(began, Stopwatch.GetTimestamp());
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    recorder.Failed(e);
                }
            }
        }, cancellationToken)));
        return recorder.Result();
    }
}
