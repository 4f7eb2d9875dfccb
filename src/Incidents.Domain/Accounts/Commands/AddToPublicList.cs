using Incidents.Domain.Access;
using Incidents.Domain.Accounts.Events;
using Incidents.Domain.Accounts.Rules;
using Incidents.Domain.Accounts.State;
using Incidents.Domain.Decisions;

namespace Incidents.Domain.Accounts.Commands;

/// <summary>The CISO publishes a notified account on the homepage list of official accounts (000 §6(3)).</summary>
public sealed record AddToPublicList : IAccountCommand
{
    public IReadOnlySet<Role> PermittedRoles => AccountRoles.ListKeepers;

    public AccountDecision Decide(AccountState state, AccountCommandContext context)
    {
        if (AccountGuard.RequireOpen(state) is { } refusal)
        {
            return refusal;
        }

        if (state.AbolitionNotifiedAt is not null)
        {
            return Refusal.Conflict("abolition-notified", "The account is being abolished; it is not listed again.");
        }

        return state.Listed ? AccountDecision.NoChange : AccountDecision.Accept(new AddedToPublicList(state.Id, context.By, context.Now));
    }
}
