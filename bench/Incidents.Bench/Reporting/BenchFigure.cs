using System.Text.Json.Serialization;

namespace Incidents.Bench.Reporting;

/// <summary>
/// One line of the results: a measured value next to the baseline measured in the same run on the same database
/// (raw PostgreSQL doing the same work wherever there is one), their ratio, and the target if it sets one.
/// </summary>
/// <param name="Id">The figure number and a letter, e.g. "1b".</param>
public sealed record BenchFigure(string Id, string Name, double Value, string Unit, double? Baseline, string? BaselineName,
    [property: JsonIgnore] Target? Target = null)
{
    /// <summary>Value divided by baseline: for a rate, how much of the baseline's speed; for a latency, how many times slower.</summary>
    public double? Ratio => Baseline is > 0 && double.IsFinite(Value) ? Value / Baseline.Value : null;

    public bool? Met => Target is null ? null : double.IsFinite(Value) && Target.IsMet(Value, Baseline);

    [JsonPropertyName("target")]
    public string? TargetText => Target?.Text;
}
