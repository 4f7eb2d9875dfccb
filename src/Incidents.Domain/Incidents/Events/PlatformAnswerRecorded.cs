namespace Incidents.Domain.Incidents.Events;

public sealed record PlatformAnswerRecorded(
    Guid IncidentId,
    TakedownOutcome Outcome,
    string? Note,
    string By,
    DateTimeOffset At) : IIncidentEvent;
