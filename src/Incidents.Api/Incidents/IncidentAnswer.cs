namespace Incidents.Api.Incidents;

/// <summary>How a successful incident command answers.</summary>
public enum IncidentAnswer
{
    /// <summary>200 with the incident.</summary>
    Updated,

    /// <summary>201 with the new incident and its Location.</summary>
    Created,

    /// <summary>200 with the incident a report joined, its Location, and <c>"joined": true</c>.</summary>
    Joined,
}
