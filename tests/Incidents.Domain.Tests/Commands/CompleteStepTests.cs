using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Commands;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Tests.Scenarios;

namespace Incidents.Domain.Tests.Commands;

/// <summary>A missing or closed incident: see MissingIncidentTests and ClosedIncidentTests.</summary>
public sealed class CompleteStepTests
{
    [Theory]
    [InlineData(IncidentStatus.Reported)]
    [InlineData(IncidentStatus.Responding)]
    [InlineData(IncidentStatus.Resolved)]
    public void Completing_a_manual_step_records_the_note(IncidentStatus status)
    {
        var given = Given.In(IncidentKind.Backlash, status);

        var events = given.Decide(new CompleteStep("fix-problem", "該当箇所を修正"), Actors.DepartmentHead).ShouldAccept();

        Assert.Equal([new StepCompleted(Given.IncidentId, "fix-problem", 1, "該当箇所を修正", Actors.DepartmentHead.Id, given.Now)], events);
    }

    [Fact]
    public void Completing_a_step_twice_changes_nothing()
    {
        var given = Given.Reported(IncidentKind.Backlash).CompletedStep("fix-problem");

        given.Decide(new CompleteStep("fix-problem", null), Actors.DepartmentHead).ShouldChangeNothing();
    }

    [Fact]
    public void Completing_a_reopened_manual_step_completes_its_new_generation()
    {
        var given = Given.Reported(IncidentKind.Backlash).Into(IncidentStatus.Closed).Reopened("fix-problem");

        var completed = given.Decide(new CompleteStep("fix-problem", null), Actors.DepartmentHead).ShouldAccept().Single<StepCompleted>();

        Assert.Equal(2, completed.Generation);
    }

    [Fact]
    public void Completing_an_unknown_step_is_refused_as_not_found()
    {
        var given = Given.Reported(IncidentKind.Backlash);

        given.Decide(new CompleteStep("no-such-step", null), Actors.DepartmentHead).ShouldRefuse(RefusalKind.NotFound, "step-not-found");
    }

    [Theory]
    [InlineData(IncidentKind.Backlash, "report-to-officers")]
    [InlineData(IncidentKind.Backlash, "first-public-word")]
    [InlineData(IncidentKind.AccountTakeover, "rotate-password")]
    [InlineData(IncidentKind.Impersonation, "request-takedown")]
    public void Completing_a_step_that_has_its_own_fact_by_hand_is_refused(IncidentKind kind, string stepKey)
    {
        var given = Given.Reported(kind);

        given.Decide(new CompleteStep(stepKey, null), Actors.DepartmentHead).ShouldRefuse(RefusalKind.StateConflict, "step-needs-its-fact");
    }

    [Fact]
    public void Completing_a_step_with_a_password_in_the_note_is_refused()
    {
        var given = Given.Reported(IncidentKind.Backlash);

        given.Decide(new CompleteStep("fix-problem", "管理画面のパスワード: abc123 で修正"), Actors.DepartmentHead)
            .ShouldRefuse(RefusalKind.Invalid, "secret-in-text");
    }
}
