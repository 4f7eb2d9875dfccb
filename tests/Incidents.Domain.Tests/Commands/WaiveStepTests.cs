using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Commands;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Incidents.State;
using Incidents.Domain.Tests.Scenarios;

namespace Incidents.Domain.Tests.Commands;

/// <summary>A missing or closed incident: see MissingIncidentTests and ClosedIncidentTests. Mandatory steps: MandatoryStepTests.</summary>
public sealed class WaiveStepTests
{
    [Theory]
    [InlineData(IncidentStatus.Reported)]
    [InlineData(IncidentStatus.Responding)]
    [InlineData(IncidentStatus.Resolved)]
    public void Waiving_an_open_optional_step_records_the_reason(IncidentStatus status)
    {
        var given = Given.In(IncidentKind.Impersonation, status);

        var events = given.Decide(new WaiveStep("press-release", "拡散は限定的"), Actors.DepartmentHead).ShouldAccept();

        Assert.Equal([new StepWaived(Given.IncidentId, "press-release", 1, "拡散は限定的", Actors.DepartmentHead.Id, given.Now)], events);
    }

    [Fact]
    public void A_waived_step_is_finished_with_its_reason()
    {
        var step = Given.Reported(IncidentKind.Impersonation).WaivedStep("press-release").State.Step("press-release")!;

        Assert.Equal((StepStatus.Waived, "今回は不要と判断", Actors.DepartmentHead.Id), (step.Status, step.Note, step.FinishedBy));
    }

    [Fact]
    public void Waiving_a_step_twice_changes_nothing()
    {
        var given = Given.Reported(IncidentKind.Impersonation).WaivedStep("press-release");

        given.Decide(new WaiveStep("press-release", "重ねて"), Actors.Ciso).ShouldChangeNothing();
    }

    [Fact]
    public void Waiving_a_completed_step_is_refused()
    {
        var given = Given.Reported(IncidentKind.Impersonation).PublishedStatement(StatementIds.First, StatementKind.PressMaterial);

        given.Decide(new WaiveStep("press-release", "不要"), Actors.DepartmentHead).ShouldRefuse(RefusalKind.StateConflict, "step-not-open");
    }

    [Fact]
    public void Waiving_an_unknown_step_is_refused_as_not_found()
    {
        var given = Given.Reported(IncidentKind.Impersonation);

        given.Decide(new WaiveStep("no-such-step", "不要"), Actors.DepartmentHead).ShouldRefuse(RefusalKind.NotFound, "step-not-found");
    }

    [Fact]
    public void Waiving_with_a_password_in_the_reason_is_refused()
    {
        var given = Given.Reported(IncidentKind.AccountTakeover);

        given.Decide(new WaiveStep("contact-police", "secret: xyz"), Actors.DepartmentHead).ShouldRefuse(RefusalKind.Invalid, "secret-in-text");
    }
}
