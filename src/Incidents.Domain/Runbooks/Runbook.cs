using Incidents.Domain.Incidents;
using Incidents.Domain.Text;

namespace Incidents.Domain.Runbooks;

/// <summary>What the guidelines say must happen for one kind of incident, in order.</summary>
public sealed record Runbook(
    IncidentKind Kind,
    LocalizedText Title,
    LocalizedText Summary,
    IReadOnlyList<RunbookStep> Steps,
    IReadOnlyList<LocalizedText> Cautions,
    IReadOnlyList<StatementTemplate> Templates)
{
    public RunbookStep? Step(string key) => Steps.FirstOrDefault(s => s.Key == key);

    public bool Has(StepAction action) => Steps.Any(s => s.CompletedBy == action);

    public IEnumerable<RunbookStep> OpenedBy(StepTriggerKind trigger) => Steps.Where(s => s.OpensOn.Kind == trigger);

    public IEnumerable<RunbookStep> OpenedAfter(string stepKey) =>
        Steps.Where(s => s.OpensOn.Kind == StepTriggerKind.AfterStep && s.OpensOn.AfterStepKey == stepKey);
}
