namespace Incidents.Bench.Reporting;

/// <summary>
/// What one scenario measured, with the parameters it ran with. <see cref="Worked"/> says whether the program worked
/// (every operation succeeded, every measurement completed), not whether a target was met.
/// </summary>
public sealed record ScenarioResult(
    string Scenario, IReadOnlyDictionary<string, string> Parameters, IReadOnlyList<BenchFigure> Figures, bool Worked, TimeSpan Elapsed,
    string? Problem = null);
