namespace Incidents.Bench;

/// <summary>One measurement the bench program can run, chosen by its <see cref="Name"/> on the command line.</summary>
public interface IBenchScenario
{
    string Name { get; }

    string Description { get; }

    /// <summary>Runs the scenario and prints its results; returns the process exit code.</summary>
    Task<int> RunAsync(BenchOptions options, TextWriter output, CancellationToken cancellationToken);
}
