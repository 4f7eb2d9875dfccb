namespace Incidents.Domain.Incidents.Events;

public sealed record StepWaived(
    Guid IncidentId,
    string StepKey,
    int Generation,
    string Reason,
    string By,
    DateTimeOffset At) : IIncidentEvent;
