using System.Diagnostics;

namespace Incidents.Bench.Load;

/// <summary>
/// Latency at a given rate: calls start on a fixed schedule (call <c>i</c> at <c>i / rate</c>) whether or not earlier
/// calls have returned, and each call's latency counts from its scheduled start. A server that falls behind therefore
/// shows its queueing in the percentiles instead of slowing the generator down (no coordinated omission).
/// </summary>
public static class OpenLoop
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(1);

    /// <param name="call">Given the call's sequence number; it throws when the call failed.</param>
    public static async Task<LoadResult> RunAsync(
        double perSecond, TimeSpan warmUp, TimeSpan duration, Func<long, CancellationToken, Task> call, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        var windowStart = start + (long)(warmUp.TotalSeconds * Stopwatch.Frequency);
        var windowEnd = windowStart + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var recorder = new CallRecorder(windowStart, windowEnd, countCallsEndingLate: true);
        var interval = Stopwatch.Frequency / perSecond;
        var running = new List<Task>();
        for (long i = 0; ; i++)
        {
            var scheduled = start + (long)(i * interval);
            if (scheduled >= windowEnd)
            {
                break;
            }

            while (Stopwatch.GetTimestamp() < scheduled)
            {
                await Task.Delay(Tick, cancellationToken);
            }

            var sequence = i;
            running.Add(Task.Run(async () =>
            {
                try
                {
                    await call(sequence, cancellationToken);
                    recorder.Completed(scheduled, Stopwatch.GetTimestamp());
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    recorder.Failed(e);
                }
            }, cancellationToken));
        }

        await Task.WhenAll(running);
        return recorder.Result();
    }
}
