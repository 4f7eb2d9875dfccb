using Incidents.Domain.Incidents;
using Incidents.Domain.Runbooks;

namespace Incidents.Domain.Tests.Scenarios;

/// <summary>Theory data drawn from the default runbooks, so a step added to a runbook is tested without editing the tests.</summary>
public static class RunbookSteps
{
    public static TheoryData<IncidentKind, string> All() => Where(_ => true);

    public static TheoryData<IncidentKind, string> Mandatory() => Where(step => step.Mandatory);

    public static TheoryData<IncidentKind, string> Optional() => Where(step => !step.Mandatory);

    public static TheoryData<IncidentKind> KindsWith(string stepKey) =>
        [.. RunbookCatalog.Default.All.Where(r => r.Step(stepKey) is not null).Select(r => r.Kind)];

    private static TheoryData<IncidentKind, string> Where(Func<RunbookStep, bool> predicate)
    {
        var data = new TheoryData<IncidentKind, string>();
        foreach (var runbook in RunbookCatalog.Default.All)
        {
            foreach (var step in runbook.Steps.Where(predicate))
            {
                data.Add(runbook.Kind, step.Key);
            }
        }

        return data;
    }
}
