using Incidents.Domain.Access;
using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Notifications;
using Incidents.Domain.Tests.Scenarios;

namespace Incidents.Domain.Tests.Notifications;

public sealed class NotificationPolicyTests
{
    /// <summary>What the events of the scenario's last command notify.</summary>
    private static IReadOnlyList<Notification> NotificationsOf(Scenario before, Scenario after) =>
        NotificationPolicy.Decide(after.State, after.Runbook, after.History.Skip(before.History.Count));

    [Fact]
    public void A_new_incident_asks_the_department_head_to_take_it_on()
    {
        var reported = Given.Reported(IncidentKind.Impersonation);

        var notification = NotificationsOf(Given.NoIncident, reported).Single();

        Assert.Equal(NotificationTypes.IncidentReported, notification.Type);
        Assert.Equal([Role.DepartmentHead], notification.Roles);
        Assert.Contains("成りすまし", notification.Summary.Ja, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, Role.Staff, "第1段階")]
    [InlineData(2, Role.DepartmentHead, "第2段階")]
    [InlineData(3, Role.Ciso, "第3段階")]
    [InlineData(4, Role.Ciso, "再通知")]
    public void Every_escalation_tells_the_role_its_rung_names(int escalation, Role role, string says)
    {
        var given = Given.Reported(IncidentKind.AccountTakeover).After(TimeSpan.FromMinutes(30));
        for (var earlier = 1; earlier < escalation; earlier++)
        {
            given = given.Escalated("rotate-password", earlier);
        }

        var notification = NotificationsOf(given, given.Escalated("rotate-password", escalation)).Single();

        Assert.Equal((NotificationTypes.StepEscalated, role), (notification.Type, notification.Roles.Single()));
        Assert.Contains(says, notification.Summary.Ja, StringComparison.Ordinal);
        Assert.Contains("より安全なパスワードへの変更", notification.Summary.Ja, StringComparison.Ordinal);
    }

    [Fact]
    public void An_escalation_also_tells_the_person_the_step_is_assigned_to()
    {
        var assigned = Given.Reported(IncidentKind.AccountTakeover).StepAssignedTo("rotate-password", "suzuki").After(TimeSpan.FromMinutes(30));

        var notification = NotificationsOf(assigned, assigned.Escalated("rotate-password", 1)).Single();

        Assert.Equal(["suzuki"], notification.People);
    }

    [Fact]
    public void Assigning_a_step_or_the_incident_tells_the_assignee()
    {
        var reported = Given.Reported(IncidentKind.Backlash);
        var stepAssigned = reported.StepAssignedTo("first-public-word", "tanaka");
        var incidentAssigned = stepAssigned.AssignedTo("sato");

        var forStep = NotificationsOf(reported, stepAssigned).Single();
        var forIncident = NotificationsOf(stepAssigned, incidentAssigned).Single();

        Assert.Equal((NotificationTypes.StepAssigned, "tanaka"), (forStep.Type, forStep.People.Single()));
        Assert.Empty(forStep.Roles);
        Assert.Equal((NotificationTypes.IncidentAssigned, "sato"), (forIncident.Type, forIncident.People.Single()));
    }

    [Fact]
    public void A_drafted_or_revised_statement_asks_the_approvers()
    {
        var statement = StatementIds.Builder(1);
        var reported = Given.Reported(IncidentKind.Backlash);
        var drafted = reported.Drafted(statement, StatementKind.HoldingStatement);
        var revised = drafted.Revised(statement, "改めて確認中です");

        var onDraft = NotificationsOf(reported, drafted).Single();
        var onRevision = NotificationsOf(drafted, revised).Single();

        Assert.Equal(NotificationTypes.StatementAwaitingApproval, onDraft.Type);
        Assert.Equal([Role.PublishingOfficer, Role.DepartmentHead, Role.Ciso], onDraft.Roles);
        Assert.Contains("第2版", onRevision.Summary.Ja, StringComparison.Ordinal);
    }

    [Fact]
    public void Facts_that_complete_work_tell_nobody()
    {
        var reported = Given.Reported(IncidentKind.AccountTakeover);
        var done = reported.RotatedPassword().Acknowledged();

        Assert.Empty(NotificationsOf(reported, done));
    }

    [Fact]
    public void Every_notification_type_is_one_that_subscribers_can_filter_on()
    {
        var given = Given.Reported(IncidentKind.Backlash).StepAssignedTo("first-public-word", "tanaka").AssignedTo("sato")
            .Drafted(StatementIds.Builder(1), StatementKind.HoldingStatement).After(TimeSpan.FromHours(2)).Escalated("first-public-word", 1);

        var types = NotificationPolicy.Decide(given.State, given.Runbook, given.History).Select(n => n.Type).Distinct();

        Assert.Equal(NotificationTypes.All.Order(), types.Order());
    }
}
