namespace Incidents.Bench;

/// <summary>Nearest-rank percentiles of measured durations.</summary>
public static class Percentiles
{
    public static TimeSpan Of(IReadOnlyList<TimeSpan> sorted, double percentile) =>
        sorted.Count == 0 ? TimeSpan.Zero : sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    public static string Describe(string what, IEnumerable<TimeSpan> lags)
    {
        var sorted = lags.Order().ToList();
        return $"{what,-42} n={sorted.Count,6}  p50={Ms(Of(sorted, 50)),8}  p90={Ms(Of(sorted, 90)),8}  p99={Ms(Of(sorted, 99)),8}  max={Ms(sorted.LastOrDefault()),8}";
    }

    private static string Ms(TimeSpan span) => $"{span.TotalMilliseconds:F1} ms";
}
