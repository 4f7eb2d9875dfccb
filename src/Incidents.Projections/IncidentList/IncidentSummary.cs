namespace Incidents.Projections.IncidentList;

public sealed record IncidentSummary(
    Guid Id,
    long Version,
    string Kind,
    string Platform,
    string AccountHandle,
    string? AccountUrl,
    string Status,
    string? Department,
    string? Assignee,
    string ReportedBy,
    DateTimeOffset ReportedAt,
    string? CurrentStep,
    DateTimeOffset? NextDueAt,
    bool Overdue,
    int EscalationLevel,
    int OpenSteps,
    int StatementsAwaitingApproval,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ClosedAt);
