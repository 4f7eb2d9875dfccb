namespace Incidents.Domain.Incidents.Events;

/// <summary>A runbook step became due. <paramref name="Generation"/> counts openings, so a reopened step has fresh timers.</summary>
public sealed record StepOpened(
    Guid IncidentId,
    string StepKey,
    int Generation,
    DateTimeOffset DueAt,
    string By,
    DateTimeOffset At) : IIncidentEvent;
