namespace Incidents.Domain.Incidents.State;

public sealed record StepState(
    string Key,
    StepStatus Status,
    int Generation,
    DateTimeOffset OpenedAt,
    DateTimeOffset DueAt,
    string? Assignee = null,
    int Escalations = 0,
    int EscalationLevel = 0,
    DateTimeOffset? LastEscalatedAt = null,
    DateTimeOffset? FinishedAt = null,
    string? FinishedBy = null,
    string? Note = null)
{
    public bool IsOpen => Status == StepStatus.Open;

    public bool IsOverdue(DateTimeOffset now) => IsOpen && now >= DueAt;
}
