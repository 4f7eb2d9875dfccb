using Incidents.Domain.Access;
using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.State;
using Incidents.Domain.Runbooks;
using Incidents.Domain.Text;

namespace Incidents.Api.Incidents.Views;

public sealed record StepView(
    string Key,
    LocalizedText Title,
    Role Responsible,
    bool Mandatory,
    StepStatus Status,
    StepAction CompletedBy,
    TimeSpan Deadline,
    DateTimeOffset? OpenedAt,
    DateTimeOffset? DueAt,
    bool Overdue,
    string? Assignee,
    int Escalations,
    int EscalationLevel,
    Role? EscalatedTo,
    DateTimeOffset? LastEscalatedAt,
    DateTimeOffset? NextEscalationAt,
    DateTimeOffset? FinishedAt,
    string? FinishedBy,
    string? Note,
    IReadOnlyList<StatementKind> StatementKinds,
    IReadOnlyList<string> Sources);
