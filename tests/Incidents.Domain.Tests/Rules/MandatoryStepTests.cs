using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Commands;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Tests.Scenarios;

namespace Incidents.Domain.Tests.Rules;

public sealed class MandatoryStepTests
{
    public static TheoryData<IncidentKind, string> MandatorySteps() => RunbookSteps.Mandatory();

    public static TheoryData<IncidentKind, string> OptionalSteps() => RunbookSteps.Optional();

    [Theory]
    [MemberData(nameof(MandatorySteps))]
    public void A_mandatory_step_cannot_be_waived(IncidentKind kind, string stepKey)
    {
        var given = Given.Reported(kind);

        given.Decide(new WaiveStep(stepKey, "不要と判断"), Actors.Ciso).ShouldRefuse(RefusalKind.StateConflict, "step-mandatory");
    }

    [Theory]
    [MemberData(nameof(OptionalSteps))]
    public void An_open_optional_step_can_be_waived(IncidentKind kind, string stepKey)
    {
        var given = Given.Reported(kind);

        var waived = given.Decide(new WaiveStep(stepKey, "不要と判断"), Actors.DepartmentHead).ShouldAccept().Single<StepWaived>();

        Assert.Equal(stepKey, waived.StepKey);
    }
}
