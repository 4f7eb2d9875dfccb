namespace Incidents.Domain.Notifications;

/// <summary>
/// The stable names of notifications (CloudEvents <c>type</c>). Subscribers filter on them, so a name never changes
/// once it has been sent.
/// </summary>
public static class NotificationTypes
{
    public const string IncidentReported = "jp.incidents.incident.reported";
    public const string IncidentAssigned = "jp.incidents.incident.assigned";
    public const string StepAssigned = "jp.incidents.step.assigned";
    public const string StepEscalated = "jp.incidents.step.escalated";
    public const string StatementAwaitingApproval = "jp.incidents.statement.awaiting-approval";

    public static IReadOnlyList<string> All { get; } =
        [IncidentReported, IncidentAssigned, StepAssigned, StepEscalated, StatementAwaitingApproval];
}
