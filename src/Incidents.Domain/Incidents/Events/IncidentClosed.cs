namespace Incidents.Domain.Incidents.Events;

public sealed record IncidentClosed(Guid IncidentId, string By, DateTimeOffset At) : IIncidentEvent;
