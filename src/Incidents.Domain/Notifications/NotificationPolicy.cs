using Incidents.Domain.Access;
using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Incidents.State;
using Incidents.Domain.Runbooks;
using Incidents.Domain.Text;

namespace Incidents.Domain.Notifications;

/// <summary>
/// Decides, from the events one command appended, who must be told: every escalation, and every event that waits for
/// a person (a new incident to acknowledge, an assignment, a statement to approve). Facts that complete work tell
/// nobody; the timeline records them.
/// </summary>
public static class NotificationPolicy
{
    public static IReadOnlyList<Notification> Decide(IncidentState after, Runbook runbook, IEnumerable<IIncidentEvent> events) =>
        events.Select(e => Decide(after, runbook, e)).OfType<Notification>().ToList();

    private static Notification? Decide(IncidentState after, Runbook runbook, IIncidentEvent e) => e switch
    {
        IncidentReported r => new Notification(
            NotificationTypes.IncidentReported, r, [Role.DepartmentHead], [],
            new($"新しいインシデント（{runbook.Title.Ja}）：{r.AccountHandle}", $"New incident ({runbook.Title.En}): {r.AccountHandle}")),
        IncidentAssigned a => new Notification(
            NotificationTypes.IncidentAssigned, a, [], [a.Assignee],
            new($"インシデント（{runbook.Title.Ja}：{after.AccountHandle}）の担当になりました", $"You now handle the incident ({runbook.Title.En}: {after.AccountHandle})")),
        StepAssigned a => new Notification(
            NotificationTypes.StepAssigned, a, [], [a.Assignee],
            new($"「{StepTitle(runbook, a.StepKey).Ja}」の担当になりました", $"You were assigned: {StepTitle(runbook, a.StepKey).En}")),
        StepEscalated x => new Notification(
            NotificationTypes.StepEscalated, x, [x.NotifiedRole], after.Step(x.StepKey)?.Assignee is { } assignee ? [assignee] : [],
            Escalated(runbook, x)),
        StatementDrafted d => AwaitingApproval(d, d.Kind, 1),
        StatementRevised r when after.Statement(r.StatementId) is { } statement => AwaitingApproval(r, statement.Kind, r.Revision),
        _ => null,
    };

    private static LocalizedText Escalated(Runbook runbook, StepEscalated x)
    {
        var step = StepTitle(runbook, x.StepKey);
        var role = RoleTitles.Of(x.NotifiedRole);
        return x.IsRepeat
            ? new($"【再通知】「{step.Ja}」が期限を過ぎたままです（{role.Ja}へ）", $"Still overdue: {step.En} (to the {role.En}, repeated)")
            : new($"【期限超過・第{x.Level}段階】「{step.Ja}」が期限を過ぎています（{role.Ja}へ）", $"Overdue, level {x.Level}: {step.En} (to the {role.En})");
    }

    private static Notification AwaitingApproval(IIncidentEvent cause, StatementKind kind, int revision)
    {
        var title = StatementKindTitles.Of(kind);
        return new Notification(
            NotificationTypes.StatementAwaitingApproval, cause, [.. RoleSet.StatementApprovers.Order()], [],
            new($"公開文（{title.Ja}、第{revision}版）が承認を待っています", $"A {title.En} statement (revision {revision}) awaits approval"));
    }

    private static LocalizedText StepTitle(Runbook runbook, string stepKey) => runbook.Step(stepKey)?.Title ?? new(stepKey, stepKey);
}
