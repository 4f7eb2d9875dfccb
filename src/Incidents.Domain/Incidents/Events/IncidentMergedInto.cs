namespace Incidents.Domain.Incidents.Events;

/// <summary>This incident was a duplicate and was merged into <paramref name="SurvivorId"/>; it closes with this event.</summary>
public sealed record IncidentMergedInto(Guid IncidentId, Guid SurvivorId, string? Reason, string By, DateTimeOffset At) : IIncidentEvent;
