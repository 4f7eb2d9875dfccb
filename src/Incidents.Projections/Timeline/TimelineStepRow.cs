namespace Incidents.Projections.Timeline;

/// <summary>One opening of a step: when it opened, when it was due, how it ended and how far it escalated.</summary>
public sealed record TimelineStepRow(
    Guid IncidentId,
    string StepKey,
    int Generation,
    string Status,
    DateTimeOffset OpenedAt,
    DateTimeOffset DueAt,
    DateTimeOffset? FinishedAt,
    string? FinishedBy,
    int Escalations,
    int EscalationLevel,
    DateTimeOffset? LastEscalatedAt,
    string? Assignee);
