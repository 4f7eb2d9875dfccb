namespace Incidents.Domain.Incidents.Events;

public sealed record IncidentAssigned(Guid IncidentId, string Assignee, string By, DateTimeOffset At) : IIncidentEvent;
