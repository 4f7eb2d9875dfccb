namespace Incidents.Domain.Incidents.Events;

/// <summary>The incident was linked to the official account it concerns, after it was reported.</summary>
public sealed record GenuineAccountLinked(Guid IncidentId, GenuineAccount Account, string By, DateTimeOffset At) : IIncidentEvent;
