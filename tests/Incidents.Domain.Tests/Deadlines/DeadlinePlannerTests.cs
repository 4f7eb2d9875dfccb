using Incidents.Domain.Access;
using Incidents.Domain.Deadlines;
using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Commands;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Runbooks;
using Incidents.Domain.Tests.Scenarios;

namespace Incidents.Domain.Tests.Deadlines;

public sealed class DeadlinePlannerTests
{
    private static readonly Guid Id = Given.IncidentId;

    private static TimerPlan Plan(IncidentKind kind, IEnumerable<IIncidentEvent> events) =>
        DeadlinePlanner.Plan(RunbookCatalog.Default.For(kind), events);

    [Fact]
    public void An_opened_step_schedules_its_first_escalation_at_its_deadline()
    {
        var events = Given.NoIncident.Decide(Given.Report(IncidentKind.Impersonation), Actors.Reporter).ShouldAccept();
        var opened = events.OfType<StepOpened>().ToList();

        var plan = Plan(IncidentKind.Impersonation, events);

        Assert.Equal(opened.Select(o => new DeadlineTimer(Id, o.StepKey, 1, 1, o.DueAt)), plan.Schedule);
        Assert.Equal(opened.Select(o => new TimerCancellation(Id, o.StepKey)), plan.Cancellations);
    }

    [Fact]
    public void The_first_escalation_waits_for_the_first_rungs_delay_after_the_deadline()
    {
        var runbook = RunbookCatalog.Default.For(IncidentKind.Backlash);
        var gentle = runbook with
        {
            Steps = [.. runbook.Steps.Select(s => s.Key == "fix-problem"
                ? s with { Ladder = new EscalationLadder([new EscalationRung(TimeSpan.FromMinutes(10), Role.DepartmentHead)], TimeSpan.FromHours(1)) }
                : s)],
        };
        var dueAt = Given.Start.AddHours(24);

        var plan = DeadlinePlanner.Plan(gentle, [new StepOpened(Id, "fix-problem", 1, dueAt, "staff-sato", Given.Start)]);

        Assert.Equal([new DeadlineTimer(Id, "fix-problem", 1, 1, dueAt.AddMinutes(10))], plan.Schedule);
    }

    [Theory]
    [InlineData(1, 2, 15)]
    [InlineData(2, 3, 15)]
    [InlineData(3, 4, 30)]
    [InlineData(4, 5, 30)]
    public void An_escalation_schedules_the_next_at_the_next_rungs_delay_or_the_repeat_interval(int escalation, int next, int minutes)
    {
        var given = Given.Reported(IncidentKind.Impersonation).After(TimeSpan.FromHours(1));
        for (var earlier = 1; earlier < escalation; earlier++)
        {
            given = given.Escalated("report-to-officers", earlier);
        }

        var events = given.Decide(new EscalateOverdueStep("report-to-officers", 1, escalation), Actors.Automation).ShouldAccept();
        var plan = Plan(IncidentKind.Impersonation, events);

        Assert.Equal([new DeadlineTimer(Id, "report-to-officers", 1, next, given.Now.AddMinutes(minutes))], plan.Schedule);
        Assert.Empty(plan.Cancellations);
    }

    [Fact]
    public void A_step_measured_in_days_repeats_daily_past_its_last_rung()
    {
        var at = Given.Start.AddDays(10);
        var escalated = new StepEscalated(Id, "await-platform-answer", 1, 3, 3, Role.Ciso, false, Given.Start.AddDays(7), "automation", at);

        var plan = Plan(IncidentKind.Impersonation, [escalated]);

        Assert.Equal([new DeadlineTimer(Id, "await-platform-answer", 1, 4, at.AddDays(1))], plan.Schedule);
    }

    [Fact]
    public void Completing_a_step_cancels_its_timers()
    {
        var given = Given.Reported(IncidentKind.Impersonation);
        var events = given.Decide(new ReportToOfficers([Officer.Ciso, Officer.DepartmentHead, Officer.GeneralAffairs], null), Actors.Reporter).ShouldAccept();

        var plan = Plan(IncidentKind.Impersonation, events);

        Assert.Equal([new TimerCancellation(Id, "report-to-officers")], plan.Cancellations);
        Assert.Empty(plan.Schedule);
    }

    [Fact]
    public void Waiving_a_step_cancels_its_timers()
    {
        var events = Given.Reported(IncidentKind.Impersonation).Decide(new WaiveStep("press-release", "不要"), Actors.DepartmentHead).ShouldAccept();

        var plan = Plan(IncidentKind.Impersonation, events);

        Assert.Equal([new TimerCancellation(Id, "press-release")], plan.Cancellations);
        Assert.Empty(plan.Schedule);
    }

    [Fact]
    public void Closing_cancels_every_timer_of_the_incident()
    {
        var given = Given.Reported(IncidentKind.Impersonation).MandatoryStepsDone();
        var events = given.Decide(new CloseIncident(), Actors.Ciso).ShouldAccept();

        var plan = Plan(IncidentKind.Impersonation, events);

        Assert.Equal([new TimerCancellation(Id, "press-release"), new TimerCancellation(Id, null)], plan.Cancellations);
        Assert.Empty(plan.Schedule);
    }

    [Fact]
    public void A_step_completed_in_the_same_batch_as_it_opened_leaves_no_schedule()
    {
        var opened = new StepOpened(Id, "fix-problem", 1, Given.Start.AddHours(24), "staff-sato", Given.Start);
        var completed = new StepCompleted(Id, "fix-problem", 1, null, "staff-sato", Given.Start);

        var plan = Plan(IncidentKind.Backlash, [opened, completed]);

        Assert.Empty(plan.Schedule);
        Assert.All(plan.Cancellations, c => Assert.Equal(new TimerCancellation(Id, "fix-problem"), c));
    }

    [Fact]
    public void A_closing_in_the_same_batch_removes_every_timer_scheduled_before_it()
    {
        var opened = new StepOpened(Id, "fix-problem", 2, Given.Start.AddHours(24), "ciso-watanabe", Given.Start);
        var closed = new IncidentClosed(Id, "ciso-watanabe", Given.Start);

        Assert.Empty(Plan(IncidentKind.Backlash, [opened, closed]).Schedule);
    }

    [Fact]
    public void Completing_one_step_and_opening_the_next_schedules_only_the_next()
    {
        var given = Given.Reported(IncidentKind.Impersonation);
        var events = given.Decide(new RequestTakedown(null, null), Actors.Reporter).ShouldAccept();

        var plan = Plan(IncidentKind.Impersonation, events);

        Assert.Equal([new DeadlineTimer(Id, "await-platform-answer", 1, 1, given.Now.AddDays(7))], plan.Schedule);
        Assert.Equal([new TimerCancellation(Id, "request-takedown"), new TimerCancellation(Id, "await-platform-answer")], plan.Cancellations);
    }

    [Fact]
    public void A_reopened_step_replaces_the_old_generations_timers_with_fresh_ones()
    {
        var given = Given.In(IncidentKind.Impersonation, IncidentStatus.Closed);
        var events = given.Decide(new ReopenIncident("再発", ["request-takedown"]), Actors.Ciso).ShouldAccept();

        var plan = Plan(IncidentKind.Impersonation, events);

        Assert.Equal([new TimerCancellation(Id, "request-takedown")], plan.Cancellations);
        Assert.Equal([new DeadlineTimer(Id, "request-takedown", 2, 1, given.Now.AddHours(4))], plan.Schedule);
    }

    [Fact]
    public void Events_that_touch_no_deadline_plan_nothing()
    {
        var events = Given.Reported(IncidentKind.Impersonation).Decide(new AcknowledgeIncident(), Actors.DepartmentHead).ShouldAccept();

        var plan = Plan(IncidentKind.Impersonation, events);

        Assert.Same(TimerPlan.Empty, plan);
        Assert.True(plan.IsEmpty);
    }

    [Fact]
    public void A_step_the_runbook_does_not_have_plans_nothing()
    {
        var opened = new StepOpened(Id, "rotate-password", 1, Given.Start.AddMinutes(30), "staff-sato", Given.Start);

        Assert.Same(TimerPlan.Empty, Plan(IncidentKind.Impersonation, [opened]));
    }
}
