using Incidents.Domain.Access;
using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Incidents.Rules;
using Incidents.Domain.Incidents.State;

namespace Incidents.Domain.Incidents.Commands;

/// <summary>The threat is contained. Open steps keep running (and escalating) until they are done; closing checks them.</summary>
public sealed record ResolveIncident(string Summary) : IIncidentCommand
{
    public IReadOnlySet<Role> PermittedRoles => RoleSet.Coordinators;

    public Decision Decide(IncidentState state, CommandContext context)
    {
        if ((IncidentGuard.RequireActive(state) ?? SecretText.Check(Summary)) is { } refusal)
        {
            return refusal;
        }

        return state.Status == IncidentStatus.Resolved
            ? Decision.NoChange
            : Decision.Accept(new IncidentResolved(state.Id, Summary, context.By, context.Now));
    }
}
