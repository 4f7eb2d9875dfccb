using Incidents.Domain.Access;
using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Incidents.Rules;
using Incidents.Domain.Incidents.State;
using Incidents.Domain.Runbooks;

namespace Incidents.Domain.Incidents.Commands;

/// <summary>The police (and the relevant departments) were contacted: unauthorised access, threats or fraud (002 §4(5)).</summary>
public sealed record RecordPoliceContact(string Station, string? CaseReference, string? Note) : IIncidentCommand
{
    public IReadOnlySet<Role> PermittedRoles => RoleSet.Responders;

    public Decision Decide(IncidentState state, CommandContext context)
    {
        if ((IncidentGuard.RequireActive(state) ?? SecretText.Check(Note)) is { } refusal)
        {
            return refusal;
        }

        if (state.PoliceContacts.Any(p => p.Station == Station && p.CaseReference == CaseReference))
        {
            return Decision.NoChange;
        }

        return Decision.Accept(
        [
            new PoliceContacted(state.Id, Station, CaseReference, Note, context.By, context.Now),
            .. StepProgress.Complete(state, context, StepAction.ContactPolice),
        ]);
    }
}
