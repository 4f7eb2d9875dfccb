using System.Globalization;

namespace Incidents.Bench.Measurement;

/// <summary>Nearest-rank percentiles of a set of latencies, in milliseconds. The one percentile helper of the bench.</summary>
public sealed record LatencySummary(int Count, double P50, double P90, double P99, double P999, double Max)
{
    public static LatencySummary Of(IEnumerable<TimeSpan> latencies) => Of(latencies.Select(l => l.TotalMilliseconds));

    public static LatencySummary Of(IEnumerable<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        if (sorted.Length == 0)
        {
            return new LatencySummary(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        double At(double percentile) => sorted[Math.Clamp((int)Math.Ceiling(percentile * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new LatencySummary(sorted.Length, At(0.50), At(0.90), At(0.99), At(0.999), sorted[^1]);
    }

    public string Describe(string what) => string.Create(CultureInfo.InvariantCulture, $"{what,-44} {this}");

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"n={Count,7}  p50={P50,8:F1} ms  p90={P90,8:F1} ms  p99={P99,8:F1} ms  p99.9={P999,8:F1} ms  max={Max,8:F1} ms");
}
