using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Commands;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Tests.Scenarios;

namespace Incidents.Domain.Tests.Rules;

public sealed class ClosingTests
{
    [Theory]
    [InlineData(IncidentKind.Impersonation)]
    [InlineData(IncidentKind.AccountTakeover)]
    [InlineData(IncidentKind.Backlash)]
    [InlineData(IncidentKind.Hoax)]
    [InlineData(IncidentKind.ErroneousPost)]
    public void Closing_with_open_mandatory_steps_is_refused(IncidentKind kind)
    {
        var given = Given.In(kind, IncidentStatus.Resolved);
        var mandatoryOpen = given.State.Steps.Where(s => s.IsOpen && given.Runbook.Step(s.Key)!.Mandatory).Select(s => s.Key).ToList();

        var refusal = given.Decide(new CloseIncident(), Actors.Ciso).ShouldRefuse(RefusalKind.StateConflict, "open-mandatory-steps");

        Assert.NotEmpty(mandatoryOpen);
        Assert.All(mandatoryOpen, key => Assert.Contains(key, refusal.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Closing_is_refused_while_a_step_opened_by_an_earlier_one_is_still_open()
    {
        var given = Given.Reported(IncidentKind.Impersonation)
            .ToldOfficers(Officer.Ciso, Officer.DepartmentHead, Officer.GeneralAffairs)
            .PublishedStatement(StatementIds.First, StatementKind.Warning)
            .RequestedTakedown();

        var refusal = given.Decide(new CloseIncident(), Actors.Ciso).ShouldRefuse(RefusalKind.StateConflict, "open-mandatory-steps");

        Assert.Contains("await-platform-answer", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(IncidentKind.Impersonation)]
    [InlineData(IncidentKind.AccountTakeover)]
    [InlineData(IncidentKind.Backlash)]
    [InlineData(IncidentKind.Hoax)]
    [InlineData(IncidentKind.ErroneousPost)]
    public void Closing_waives_every_open_optional_step_and_leaves_nothing_open(IncidentKind kind)
    {
        var given = Given.Reported(kind).MandatoryStepsDone();
        var optionalOpen = given.State.Steps.Where(s => s.IsOpen).ToList();

        var events = given.Decide(new CloseIncident(), Actors.Ciso).ShouldAccept();

        Assert.Equal(
            [
                .. optionalOpen.Select(s => new StepWaived(Given.IncidentId, s.Key, s.Generation, CloseIncident.ClosingReason.Ja, Actors.Ciso.Id, given.Now)),
                new IncidentClosed(Given.IncidentId, Actors.Ciso.Id, given.Now),
            ],
            events);
        Assert.DoesNotContain(given.Do(new CloseIncident(), Actors.Ciso).State.Steps, s => s.IsOpen);
    }

    [Fact]
    public void Closing_a_takeover_waives_the_optional_warning_and_police_steps()
    {
        var given = Given.Reported(IncidentKind.AccountTakeover).MandatoryStepsDone();

        var events = given.Decide(new CloseIncident(), Actors.SecurityManager).ShouldAccept();

        Assert.Equal(["publish-warning", "contact-police"], events.OfType<StepWaived>().Select(w => w.StepKey));
    }

    [Fact]
    public void Closing_with_every_step_finished_waives_nothing()
    {
        var given = Given.Reported(IncidentKind.Impersonation).MandatoryStepsDone().WaivedStep("press-release");

        var events = given.Decide(new CloseIncident(), Actors.Ciso).ShouldAccept();

        Assert.IsType<IncidentClosed>(Assert.Single(events));
    }
}
