namespace Incidents.Projections.Overdue;

/// <summary>The latest opening of a step and its deadline; "overdue" is decided by whoever reads it, with their clock.</summary>
public sealed record StepDeadlineRow(
    Guid IncidentId,
    string StepKey,
    int Generation,
    string Status,
    DateTimeOffset OpenedAt,
    DateTimeOffset DueAt,
    int Escalations,
    int EscalationLevel,
    string? Assignee,
    bool IncidentClosed);
