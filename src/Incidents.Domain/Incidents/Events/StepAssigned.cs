namespace Incidents.Domain.Incidents.Events;

public sealed record StepAssigned(Guid IncidentId, string StepKey, string Assignee, string By, DateTimeOffset At) : IIncidentEvent;
