using Incidents.Domain.Incidents;

namespace Incidents.Domain.Runbooks;

/// <summary>
/// A deployment's change to one step's deadline or escalation ladder. Anything left null keeps the runbook's default,
/// so an override can, for example, change only how often the last rung repeats.
/// </summary>
public sealed record StepOverride(
    IncidentKind Kind,
    string StepKey,
    TimeSpan? Deadline = null,
    IReadOnlyList<EscalationRung>? Rungs = null,
    TimeSpan? RepeatEvery = null);
