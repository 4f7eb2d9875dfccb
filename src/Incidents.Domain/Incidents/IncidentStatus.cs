namespace Incidents.Domain.Incidents;

public enum IncidentStatus
{
    /// <summary>The stream does not exist yet.</summary>
    None,

    Reported,
    Responding,
    Resolved,
    Closed,
}
