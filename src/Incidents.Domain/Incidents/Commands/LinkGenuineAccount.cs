using Incidents.Domain.Access;
using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Incidents.Rules;
using Incidents.Domain.Incidents.State;

namespace Incidents.Domain.Incidents.Commands;

/// <summary>
/// Links the incident to the official account it concerns, found in the registry, so that warnings can point the
/// public to the genuine account (002 §4(2)). A takeover's account is the one its report named and does not change.
/// </summary>
public sealed record LinkGenuineAccount(GenuineAccount Account) : IIncidentCommand
{
    public IReadOnlySet<Role> PermittedRoles => RoleSet.Responders;

    public Decision Decide(IncidentState state, CommandContext context)
    {
        if (IncidentGuard.RequireActive(state) is { } refusal)
        {
            return refusal;
        }

        if (state.GenuineAccount == Account)
        {
            return Decision.NoChange;
        }

        if (state.Kind == IncidentKind.AccountTakeover && state.GenuineAccount is not null)
        {
            return Refusal.Conflict(
                "takeover-account-fixed", "A takeover concerns the account its report named; report a takeover of another account separately.");
        }

        return Decision.Accept(new GenuineAccountLinked(state.Id, Account, context.By, context.Now));
    }
}
