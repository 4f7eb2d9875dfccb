using Incidents.Domain.Access;
using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Commands;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Runbooks;
using Incidents.Domain.Tests.Scenarios;

namespace Incidents.Domain.Tests.Runbooks;

public sealed class RunbookOverridesTests
{
    private static RunbookStep RotatePassword(RunbookCatalog catalog) => catalog.For(IncidentKind.AccountTakeover).Step("rotate-password")!;

    [Fact]
    public void An_override_replaces_only_the_deadline_it_names()
    {
        var catalog = RunbookCatalog.Default.WithOverrides([new StepOverride(IncidentKind.AccountTakeover, "rotate-password", Deadline: TimeSpan.FromMinutes(10))]);

        Assert.Equal(TimeSpan.FromMinutes(10), RotatePassword(catalog).Deadline);
        Assert.Equal(RotatePassword(RunbookCatalog.Default).Ladder.Rungs, RotatePassword(catalog).Ladder.Rungs);
        Assert.Equal(RunbookCatalog.Default.For(IncidentKind.Impersonation), catalog.For(IncidentKind.Impersonation));
    }

    [Fact]
    public void An_override_can_change_only_how_often_the_last_rung_repeats()
    {
        var catalog = RunbookCatalog.Default.WithOverrides([new StepOverride(IncidentKind.AccountTakeover, "rotate-password", RepeatEvery: TimeSpan.FromHours(1))]);

        var ladder = RotatePassword(catalog).Ladder;

        Assert.Equal(TimeSpan.FromHours(1), ladder.RepeatEvery);
        Assert.Equal(3, ladder.Rungs.Count);
        Assert.Equal(TimeSpan.FromMinutes(30), RotatePassword(catalog).Deadline);
    }

    [Fact]
    public void An_overridden_ladder_decides_whom_an_escalation_notifies()
    {
        var catalog = RunbookCatalog.Default.WithOverrides(
        [
            new StepOverride(IncidentKind.AccountTakeover, "rotate-password",
                Rungs: [new EscalationRung(TimeSpan.Zero, Role.DepartmentHead), new EscalationRung(TimeSpan.FromMinutes(5), Role.Ciso)]),
        ]);
        var overdue = Given.Reported(IncidentKind.AccountTakeover).After(TimeSpan.FromMinutes(30));
        var context = new CommandContext(Actors.Automation, overdue.Now, catalog);

        var first = (StepEscalated)new EscalateOverdueStep("rotate-password", 1, 1).Decide(overdue.State, context).Events.Single();
        var repeat = (StepEscalated)new EscalateOverdueStep("rotate-password", 1, 3)
            .Decide(overdue.Escalated("rotate-password", 1).Escalated("rotate-password", 2).State, context).Events.Single();

        Assert.Equal(Role.DepartmentHead, first.NotifiedRole);
        Assert.Equal((2, Role.Ciso, true), (repeat.Level, repeat.NotifiedRole, repeat.IsRepeat));
    }

    [Fact]
    public void An_override_of_a_step_the_runbook_does_not_have_is_refused_with_the_real_steps()
    {
        var error = Assert.Throws<RunbookOverrideException>(() =>
            RunbookCatalog.Default.WithOverrides([new StepOverride(IncidentKind.Backlash, "rotate-password", Deadline: TimeSpan.FromHours(1))]));

        Assert.Contains("first-public-word", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<StepOverride> Unworkable() =>
    [
        new StepOverride(IncidentKind.AccountTakeover, "rotate-password", Deadline: TimeSpan.Zero),
        new StepOverride(IncidentKind.AccountTakeover, "rotate-password", Rungs: []),
        new StepOverride(IncidentKind.AccountTakeover, "rotate-password", Rungs: [new EscalationRung(TimeSpan.FromMinutes(-1), Role.Staff)]),
        new StepOverride(IncidentKind.AccountTakeover, "rotate-password", RepeatEvery: TimeSpan.FromSeconds(10)),
    ];

    [Theory]
    [MemberData(nameof(Unworkable))]
    public void An_override_that_would_make_a_step_unworkable_is_refused(StepOverride change)
    {
        Assert.Throws<RunbookOverrideException>(() => RunbookCatalog.Default.WithOverrides([change]));
    }
}
