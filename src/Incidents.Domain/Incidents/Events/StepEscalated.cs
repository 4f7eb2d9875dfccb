using Incidents.Domain.Access;

namespace Incidents.Domain.Incidents.Events;

/// <summary>
/// A step ran past its deadline and its escalation ladder moved on. <paramref name="Escalation"/> counts from 1 for
/// the step's opening; <paramref name="Level"/> is the ladder rung (repeats stay on the last rung).
/// </summary>
public sealed record StepEscalated(
    Guid IncidentId,
    string StepKey,
    int Generation,
    int Escalation,
    int Level,
    Role NotifiedRole,
    bool IsRepeat,
    DateTimeOffset DueAt,
    string By,
    DateTimeOffset At) : IIncidentEvent;
