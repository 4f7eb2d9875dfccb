using System.Globalization;

namespace Incidents.Bench.Reporting;

/// <summary>What a figure should reach (from the issue), as text for the table and as a check of the measured value.</summary>
public sealed record Target(string Text, Func<double, double?, bool> IsMet)
{
    /// <summary>The figure is at least <paramref name="fraction"/> of its baseline (a rate).</summary>
    public static Target AtLeastOfBaseline(double fraction) =>
        new(string.Create(CultureInfo.InvariantCulture, $"≥ {fraction:P0} of baseline"), (value, baseline) => baseline is > 0 && value >= fraction * baseline);

    /// <summary>The figure is below <paramref name="limit"/> in its own unit (a latency, a size).</summary>
    public static Target Below(double limit, string unit) =>
        new(string.Create(CultureInfo.InvariantCulture, $"< {limit:N0} {unit}"), (value, _) => value < limit);

    /// <summary>The figure is at least <paramref name="floor"/> in its own unit (a rate).</summary>
    public static Target AtLeast(double floor, string unit) =>
        new(string.Create(CultureInfo.InvariantCulture, $"≥ {floor:N0} {unit}"), (value, _) => value >= floor);
}
