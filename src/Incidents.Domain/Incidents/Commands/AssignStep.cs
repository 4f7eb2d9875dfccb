using Incidents.Domain.Access;
using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Incidents.Rules;
using Incidents.Domain.Incidents.State;

namespace Incidents.Domain.Incidents.Commands;

public sealed record AssignStep(string StepKey, string Assignee) : IIncidentCommand
{
    public IReadOnlySet<Role> PermittedRoles => RoleSet.Coordinators;

    public Decision Decide(IncidentState state, CommandContext context)
    {
        if (IncidentGuard.RequireActive(state) is { } refusal)
        {
            return refusal;
        }

        if (context.Runbooks.For(state.Kind).Step(StepKey) is null)
        {
            return StepRefusals.Unknown(StepKey, state.Kind);
        }

        return state.Step(StepKey) switch
        {
            { IsOpen: false } or null => StepRefusals.NotOpen(StepKey),
            { Assignee: var current } when current == Assignee => Decision.NoChange,
            _ => Decision.Accept(new StepAssigned(state.Id, StepKey, Assignee, context.By, context.Now)),
        };
    }
}
