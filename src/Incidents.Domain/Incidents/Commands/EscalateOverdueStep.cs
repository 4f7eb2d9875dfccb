using Incidents.Domain.Access;
using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Incidents.State;

namespace Incidents.Domain.Incidents.Commands;

/// <summary>
/// Fired by a deadline timer. Escalation <paramref name="Escalation"/> of the step's opening
/// <paramref name="Generation"/> happens at most once; a timer that fires late, twice, or after the step finished
/// decides nothing.
/// </summary>
public sealed record EscalateOverdueStep(string StepKey, int Generation, int Escalation) : IIncidentCommand
{
    public IReadOnlySet<Role> PermittedRoles => RoleSet.AutomationOnly;

    public Decision Decide(IncidentState state, CommandContext context)
    {
        if (state.Status is IncidentStatus.None or IncidentStatus.Closed)
        {
            return Decision.NoChange;
        }

        if (state.Step(StepKey) is not { IsOpen: true } step ||
            step.Generation != Generation ||
            step.Escalations + 1 != Escalation ||
            context.Runbooks.For(state.Kind).Step(StepKey) is not { } definition)
        {
            return Decision.NoChange;
        }

        var ladder = definition.Ladder;
        return Decision.Accept(new StepEscalated(
            state.Id, StepKey, Generation, Escalation, ladder.LevelFor(Escalation), ladder.RungFor(Escalation).Notify,
            ladder.IsRepeat(Escalation), step.DueAt, context.By, context.Now));
    }
}
