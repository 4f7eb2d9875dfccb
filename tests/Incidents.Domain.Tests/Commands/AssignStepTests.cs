using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Commands;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Tests.Scenarios;

namespace Incidents.Domain.Tests.Commands;

/// <summary>A missing or closed incident: see MissingIncidentTests and ClosedIncidentTests.</summary>
public sealed class AssignStepTests
{
    [Theory]
    [InlineData(IncidentStatus.Reported)]
    [InlineData(IncidentStatus.Responding)]
    [InlineData(IncidentStatus.Resolved)]
    public void Assigning_an_open_step_records_the_assignee(IncidentStatus status)
    {
        var given = Given.In(IncidentKind.Impersonation, status);

        var events = given.Decide(new AssignStep("request-takedown", "staff-sato"), Actors.DepartmentHead).ShouldAccept();

        Assert.Equal([new StepAssigned(Given.IncidentId, "request-takedown", "staff-sato", Actors.DepartmentHead.Id, given.Now)], events);
    }

    [Fact]
    public void Assigning_a_step_to_the_same_person_again_changes_nothing()
    {
        var given = Given.Reported(IncidentKind.Impersonation).StepAssignedTo("request-takedown", "staff-sato");

        given.Decide(new AssignStep("request-takedown", "staff-sato"), Actors.DepartmentHead).ShouldChangeNothing();
    }

    [Fact]
    public void Assigning_a_step_to_someone_else_reassigns_it()
    {
        var given = Given.Reported(IncidentKind.Impersonation).StepAssignedTo("request-takedown", "staff-sato");

        given.Decide(new AssignStep("request-takedown", "staff-suzuki"), Actors.DepartmentHead).ShouldAccept();
        Assert.Equal("staff-suzuki", given.StepAssignedTo("request-takedown", "staff-suzuki").State.Step("request-takedown")!.Assignee);
    }

    [Theory]
    [InlineData("no-such-step")]
    [InlineData("rotate-password")]
    public void Assigning_a_step_the_runbook_does_not_have_is_refused_as_not_found(string stepKey)
    {
        var given = Given.Reported(IncidentKind.Impersonation);

        given.Decide(new AssignStep(stepKey, "staff-sato"), Actors.DepartmentHead).ShouldRefuse(RefusalKind.NotFound, "step-not-found");
    }

    [Fact]
    public void Assigning_a_step_that_has_not_opened_yet_is_refused()
    {
        var given = Given.Reported(IncidentKind.Impersonation);

        given.Decide(new AssignStep("await-platform-answer", "staff-sato"), Actors.DepartmentHead)
            .ShouldRefuse(RefusalKind.StateConflict, "step-not-open");
    }

    [Fact]
    public void Assigning_a_finished_step_is_refused()
    {
        var given = Given.Reported(IncidentKind.Impersonation).RequestedTakedown();

        given.Decide(new AssignStep("request-takedown", "staff-sato"), Actors.DepartmentHead)
            .ShouldRefuse(RefusalKind.StateConflict, "step-not-open");
    }
}
