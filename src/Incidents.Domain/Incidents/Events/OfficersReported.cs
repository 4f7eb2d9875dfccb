namespace Incidents.Domain.Incidents.Events;

public sealed record OfficersReported(
    Guid IncidentId,
    IReadOnlyList<Officer> Recipients,
    string? Note,
    string By,
    DateTimeOffset At) : IIncidentEvent;
