namespace Incidents.Api.Tests;

/// <summary>
/// Tests that observe process-wide listeners (OpenTelemetry providers see every host's activities and meters in the
/// process) run alone, after the parallel tests.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SoloCollection
{
    public const string Name = "Runs alone";
}
