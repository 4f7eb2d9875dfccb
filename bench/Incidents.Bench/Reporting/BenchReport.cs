namespace Incidents.Bench.Reporting;

/// <summary>One run of the bench program: where it ran, how it was invoked, and what each scenario measured.</summary>
public sealed record BenchReport(
    string Command, bool Quick, DateTimeOffset StartedAt, TimeSpan Elapsed, MachineDescription Machine, IReadOnlyList<ScenarioResult> Scenarios)
{
    public bool Worked => Scenarios.All(s => s.Worked);
}
