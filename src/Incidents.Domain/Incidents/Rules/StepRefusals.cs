using Incidents.Domain.Decisions;

namespace Incidents.Domain.Incidents.Rules;

public static class StepRefusals
{
    public static Refusal Unknown(string stepKey, IncidentKind kind) =>
        Refusal.Missing("step-not-found", $"The {kind} runbook has no step '{stepKey}'. GET the incident to see its steps.");

    public static Refusal NotOpen(string stepKey) =>
        Refusal.Conflict("step-not-open", $"Step '{stepKey}' is not open: it has not started yet, or it is already finished.");

    public static Refusal NotInRunbook(string what, IncidentKind kind) =>
        Refusal.Conflict("not-in-runbook", $"The {kind} runbook has no step to {what}; this is not recorded for this kind of incident.");
}
