using Incidents.Domain.Access;
using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Incidents.Rules;
using Incidents.Domain.Incidents.State;

namespace Incidents.Domain.Incidents.Commands;

public sealed record AssignIncident(string Assignee) : IIncidentCommand
{
    public IReadOnlySet<Role> PermittedRoles => RoleSet.Coordinators;

    public Decision Decide(IncidentState state, CommandContext context)
    {
        if (IncidentGuard.RequireActive(state) is { } refusal)
        {
            return refusal;
        }

        return state.Assignee == Assignee
            ? Decision.NoChange
            : Decision.Accept(new IncidentAssigned(state.Id, Assignee, context.By, context.Now));
    }
}
