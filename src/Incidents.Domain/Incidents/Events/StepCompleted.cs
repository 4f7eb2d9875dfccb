namespace Incidents.Domain.Incidents.Events;

public sealed record StepCompleted(
    Guid IncidentId,
    string StepKey,
    int Generation,
    string? Note,
    string By,
    DateTimeOffset At) : IIncidentEvent;
