using System.Collections.Concurrent;
using System.Diagnostics;
using Incidents.Bench.Measurement;

namespace Incidents.Bench.Load;

/// <summary>
/// Collects the calls of one load run. Only calls that start inside the measurement window count, so warm-up changes
/// neither the rate nor the percentiles. A closed loop also drops calls that end after the window (its rate is calls
/// per window); an open loop keeps them, since the slowest calls of a backlog end late.
/// </summary>
internal sealed class CallRecorder(long windowStart, long windowEnd, bool countCallsEndingLate)
{
    private const int MaxFailureSamples = 5;

    private readonly ConcurrentQueue<double> _latencies = new();
    private readonly ConcurrentQueue<string> _failureSamples = new();
    private long _failures;
    private long _allCalls;

    public void Completed(long startedAt, long endedAt)
    {
        Interlocked.Increment(ref _allCalls);
        if (startedAt >= windowStart && startedAt < windowEnd && (countCallsEndingLate || endedAt <= windowEnd))
        {
            _latencies.Enqueue(Stopwatch.GetElapsedTime(startedAt, endedAt).TotalMilliseconds);
        }
    }

    public void Failed(Exception error)
    {
        if (Interlocked.Increment(ref _failures) <= MaxFailureSamples)
        {
            _failureSamples.Enqueue(error.Message);
        }
    }

    public LoadResult Result() => new(
        _latencies.Count, Interlocked.Read(ref _allCalls), Interlocked.Read(ref _failures), Stopwatch.GetElapsedTime(windowStart, windowEnd), LatencySummary.Of(_latencies),
        [.. _failureSamples]);
}
