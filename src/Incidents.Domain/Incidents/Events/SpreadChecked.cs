namespace Incidents.Domain.Incidents.Events;

/// <summary>Whether a wrong post spread (reposts, copies) and where (002 §4(4)).</summary>
public sealed record SpreadChecked(
    Guid IncidentId,
    bool Spread,
    IReadOnlyList<string> CopyUrls,
    string By,
    DateTimeOffset At) : IIncidentEvent;
