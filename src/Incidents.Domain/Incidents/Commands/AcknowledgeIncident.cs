using Incidents.Domain.Access;
using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Incidents.Rules;
using Incidents.Domain.Incidents.State;

namespace Incidents.Domain.Incidents.Commands;

/// <summary>Someone with authority has seen the report and the response is under way.</summary>
public sealed record AcknowledgeIncident : IIncidentCommand
{
    public IReadOnlySet<Role> PermittedRoles => RoleSet.Coordinators;

    public Decision Decide(IncidentState state, CommandContext context)
    {
        if (IncidentGuard.RequireActive(state) is { } refusal)
        {
            return refusal;
        }

        return state.Status == IncidentStatus.Reported
            ? Decision.Accept(new IncidentAcknowledged(state.Id, context.By, context.Now))
            : Decision.NoChange;
    }
}
