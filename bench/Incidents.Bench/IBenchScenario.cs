using Incidents.Bench.Reporting;

namespace Incidents.Bench;

/// <summary>One measurement the bench program can run, chosen by its <see cref="Name"/> on the command line (or all in turn).</summary>
public interface IBenchScenario
{
    string Name { get; }

    string Description { get; }

    /// <summary>Runs the scenario on a database of its own, logging progress to <paramref name="log"/>, and returns its figures.</summary>
    Task<ScenarioResult> RunAsync(BenchOptions options, TextWriter log, CancellationToken cancellationToken);
}
