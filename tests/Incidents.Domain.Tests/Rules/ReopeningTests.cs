using Incidents.Domain.Incidents;
using Incidents.Domain.Runbooks;
using Incidents.Domain.Tests.Scenarios;

namespace Incidents.Domain.Tests.Rules;

/// <summary>A reopened step is a new generation of work: recording its fact again must finish it, or the incident could never close.</summary>
public sealed class ReopeningTests
{
    public static TheoryData<IncidentKind, string> Steps() => RunbookSteps.All();

    [Theory]
    [MemberData(nameof(Steps))]
    public void A_reopened_step_is_finished_by_recording_its_fact_again_and_the_incident_closes_again(IncidentKind kind, string stepKey)
    {
        var closed = Given.Reported(kind).Into(IncidentStatus.Closed);
        var trigger = closed.Runbook.Step(stepKey)!.OpensOn;
        string[] keys = trigger.Kind == StepTriggerKind.AfterStep ? [trigger.AfterStepKey!, stepKey] : [stepKey];

        var reopened = closed.Reopened(keys);
        var generations = keys.ToDictionary(key => key, key => reopened.State.Step(key)!.Generation);
        var finished = keys.Aggregate(reopened, (scenario, key) => scenario.StepDone(key));

        Assert.All(keys, key => Assert.Equal(generations[key], finished.State.Step(key)!.Generation));
        Assert.Equal(IncidentStatus.Closed, finished.Closed().State.Status);
    }
}
