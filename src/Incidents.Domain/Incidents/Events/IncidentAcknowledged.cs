namespace Incidents.Domain.Incidents.Events;

public sealed record IncidentAcknowledged(Guid IncidentId, string By, DateTimeOffset At) : IIncidentEvent;
