using Incidents.Domain.Access;
using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Commands;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Tests.Scenarios;

namespace Incidents.Domain.Tests.Commands;

public sealed class EscalateOverdueStepTests
{
    private const string Step = "report-to-officers";

    private static readonly TimeSpan Deadline = TimeSpan.FromHours(1);

    /// <summary>An impersonation whose report step went past its one-hour deadline.</summary>
    private static Scenario Overdue(IncidentStatus status = IncidentStatus.Reported) =>
        Given.In(IncidentKind.Impersonation, status).After(Deadline);

    [Theory]
    [InlineData(IncidentStatus.Reported)]
    [InlineData(IncidentStatus.Responding)]
    [InlineData(IncidentStatus.Resolved)]
    public void The_first_escalation_reminds_the_responsible_role(IncidentStatus status)
    {
        var given = Overdue(status);
        var dueAt = given.State.Step(Step)!.DueAt;

        var events = given.Decide(new EscalateOverdueStep(Step, 1, 1), Actors.Automation).ShouldAccept();

        Assert.Equal(
            [new StepEscalated(Given.IncidentId, Step, 1, 1, 1, Role.Staff, false, dueAt, Actors.Automation.Id, given.Now)],
            events);
    }

    [Theory]
    [InlineData(2, 2, Role.DepartmentHead, false)]
    [InlineData(3, 3, Role.Ciso, false)]
    [InlineData(4, 3, Role.Ciso, true)]
    [InlineData(5, 3, Role.Ciso, true)]
    public void Each_escalation_climbs_the_ladder_and_repeats_its_last_rung(int escalation, int level, Role notified, bool isRepeat)
    {
        var given = Overdue();
        for (var earlier = 1; earlier < escalation; earlier++)
        {
            given = given.Escalated(Step, earlier);
        }

        var escalated = given.Decide(new EscalateOverdueStep(Step, 1, escalation), Actors.Automation).ShouldAccept().Single<StepEscalated>();

        Assert.Equal((escalation, level, notified, isRepeat), (escalated.Escalation, escalated.Level, escalated.NotifiedRole, escalated.IsRepeat));
    }

    [Fact]
    public void An_escalation_is_remembered_on_the_step()
    {
        var given = Overdue();

        var step = given.Escalated(Step, 1).Escalated(Step, 2).State.Step(Step)!;

        Assert.Equal((2, 2), (step.Escalations, step.EscalationLevel));
        Assert.Equal(given.Now + Scenario.Tick, step.LastEscalatedAt);
    }

    [Fact]
    public void A_timer_that_fires_twice_escalates_once()
    {
        var given = Overdue().Escalated(Step, 1);

        given.Decide(new EscalateOverdueStep(Step, 1, 1), Actors.Automation).ShouldChangeNothing();
    }

    [Fact]
    public void A_timer_that_skips_ahead_of_the_next_escalation_changes_nothing()
    {
        var given = Overdue();

        given.Decide(new EscalateOverdueStep(Step, 1, 2), Actors.Automation).ShouldChangeNothing();
    }

    [Fact]
    public void A_timer_that_fires_after_the_step_was_completed_changes_nothing()
    {
        var given = Overdue().ToldOfficers(Officer.Ciso, Officer.DepartmentHead, Officer.GeneralAffairs);

        given.Decide(new EscalateOverdueStep(Step, 1, 1), Actors.Automation).ShouldChangeNothing();
    }

    [Fact]
    public void A_timer_that_fires_after_the_step_was_waived_changes_nothing()
    {
        var given = Given.Reported(IncidentKind.Impersonation).WaivedStep("press-release").After(TimeSpan.FromDays(3));

        given.Decide(new EscalateOverdueStep("press-release", 1, 1), Actors.Automation).ShouldChangeNothing();
    }

    [Fact]
    public void A_timer_from_an_earlier_opening_of_a_reopened_step_changes_nothing()
    {
        var given = Given.In(IncidentKind.Impersonation, IncidentStatus.Closed).Reopened("request-takedown").After(TimeSpan.FromHours(4));

        given.Decide(new EscalateOverdueStep("request-takedown", 1, 1), Actors.Automation).ShouldChangeNothing();
        given.Decide(new EscalateOverdueStep("request-takedown", 2, 1), Actors.Automation).ShouldAccept();
    }

    [Fact]
    public void A_timer_for_a_step_that_has_not_opened_changes_nothing()
    {
        var given = Overdue();

        given.Decide(new EscalateOverdueStep("await-platform-answer", 1, 1), Actors.Automation).ShouldChangeNothing();
    }

    [Fact]
    public void A_timer_for_a_step_the_runbook_does_not_have_changes_nothing()
    {
        var given = Overdue();

        given.Decide(new EscalateOverdueStep("rotate-password", 1, 1), Actors.Automation).ShouldChangeNothing();
    }

    [Fact]
    public void A_timer_for_an_incident_that_does_not_exist_changes_nothing()
    {
        Given.NoIncident.Decide(new EscalateOverdueStep(Step, 1, 1), Actors.Automation).ShouldChangeNothing();
    }

    [Fact]
    public void A_timer_that_fires_after_the_incident_closed_changes_nothing()
    {
        var given = Given.In(IncidentKind.Impersonation, IncidentStatus.Closed);

        given.Decide(new EscalateOverdueStep("press-release", 1, 1), Actors.Automation).ShouldChangeNothing();
    }
}
