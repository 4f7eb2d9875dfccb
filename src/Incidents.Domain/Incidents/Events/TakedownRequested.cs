namespace Incidents.Domain.Incidents.Events;

public sealed record TakedownRequested(
    Guid IncidentId,
    Platform Platform,
    string TargetUrl,
    string? Reference,
    string By,
    DateTimeOffset At) : IIncidentEvent;
