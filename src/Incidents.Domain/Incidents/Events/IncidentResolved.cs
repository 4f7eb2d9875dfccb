namespace Incidents.Domain.Incidents.Events;

public sealed record IncidentResolved(Guid IncidentId, string Summary, string By, DateTimeOffset At) : IIncidentEvent;
