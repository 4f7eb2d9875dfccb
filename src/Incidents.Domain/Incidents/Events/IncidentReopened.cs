namespace Incidents.Domain.Incidents.Events;

public sealed record IncidentReopened(Guid IncidentId, string Reason, string By, DateTimeOffset At) : IIncidentEvent;
