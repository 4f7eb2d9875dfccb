using Incidents.Domain.Incidents.State;

namespace Incidents.Api.Pipeline;

/// <summary>An incident's state folded from its stream, and the stream's version (0: no such incident).</summary>
public sealed record LoadedIncident(IncidentState State, long Version)
{
    /// <summary>What loading an id that has no stream yields.</summary>
    public static LoadedIncident Nothing { get; } = new(IncidentState.Fold([]), 0);
}
