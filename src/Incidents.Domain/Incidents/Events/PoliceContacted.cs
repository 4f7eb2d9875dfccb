namespace Incidents.Domain.Incidents.Events;

public sealed record PoliceContacted(
    Guid IncidentId,
    string Station,
    string? CaseReference,
    string? Note,
    string By,
    DateTimeOffset At) : IIncidentEvent;
