using Incidents.Bench.Measurement;

namespace Incidents.Bench.Load;

/// <summary>
/// What a load run measured inside its measurement window: completed calls, failed calls (with a few of their reasons),
/// and the latency of each completed call. <paramref name="AllCalls"/> also counts the warm-up's and the tail's calls,
/// for costs measured over the whole run.
/// </summary>
public sealed record LoadResult(long Calls, long AllCalls, long Failures, TimeSpan Elapsed, LatencySummary Latency, IReadOnlyList<string> FailureSamples)
{
    public double CallsPerSecond => Calls / Elapsed.TotalSeconds;
}
