using Incidents.Domain.Access;
using Incidents.Domain.Accounts.Events;
using Incidents.Domain.Accounts.Rules;
using Incidents.Domain.Accounts.State;
using Incidents.Domain.Incidents.Rules;

namespace Incidents.Domain.Accounts.Commands;

/// <summary>
/// Deletes the account at once, without notice or announcement, because keeping it would cause serious harm to users
/// or the town, such as a security threat (003 (3)ウ, (4)). It leaves the public list in the same step.
/// </summary>
public sealed record CloseAccountUnderThreat(string Threat) : IAccountCommand
{
    public IReadOnlySet<Role> PermittedRoles => AccountRoles.ThreatResponders;

    public AccountDecision Decide(AccountState state, AccountCommandContext context)
    {
        switch (state.Status)
        {
            case AccountStatus.None:
                return AccountGuard.Missing;
            case AccountStatus.Closed:
                return AccountDecision.NoChange;
        }

        if (SecretText.Check(Threat) is { } secret)
        {
            return secret;
        }

        var closed = new AccountClosed(state.Id, AbolitionReason.SecurityThreat, Immediately: true, Threat, context.By, context.Now);
        return state.Listed
            ? AccountDecision.Accept(new RemovedFromPublicList(state.Id, context.By, context.Now), closed)
            : AccountDecision.Accept(closed);
    }
}
