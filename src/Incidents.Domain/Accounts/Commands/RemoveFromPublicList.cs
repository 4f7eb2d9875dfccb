using Incidents.Domain.Access;
using Incidents.Domain.Accounts.Events;
using Incidents.Domain.Accounts.Rules;
using Incidents.Domain.Accounts.State;
using Incidents.Domain.Decisions;

namespace Incidents.Domain.Accounts.Commands;

/// <summary>Once abolition is notified, the CISO removes the account from the homepage list (000 §7(2)).</summary>
public sealed record RemoveFromPublicList : IAccountCommand
{
    public IReadOnlySet<Role> PermittedRoles => AccountRoles.ListKeepers;

    public AccountDecision Decide(AccountState state, AccountCommandContext context)
    {
        if (AccountGuard.RequireOpen(state) is { } refusal)
        {
            return refusal;
        }

        if (state.AbolitionNotifiedAt is null)
        {
            return Refusal.Conflict(
                "abolition-not-notified",
                "An account leaves the public list after its abolition is notified (000 §7(2)): notify-abolition first, or close-now under a security threat.");
        }

        return state.Listed ? AccountDecision.Accept(new RemovedFromPublicList(state.Id, context.By, context.Now)) : AccountDecision.NoChange;
    }
}
