using Incidents.Domain.Access;
using Incidents.Domain.Accounts.Events;
using Incidents.Domain.Accounts.Rules;
using Incidents.Domain.Accounts.State;
using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents.Rules;

namespace Incidents.Domain.Accounts.Commands;

/// <summary>
/// Records the account's deletion, in the order the guidelines set: abolition notified and announced (000 §7(1);
/// 003 (4)), removed from the public list (000 §7(2)), then deleted (000 §7(3)).
/// </summary>
public sealed record CloseAccount(string? Note) : IAccountCommand
{
    public IReadOnlySet<Role> PermittedRoles => AccountRoles.Owners;

    public AccountDecision Decide(AccountState state, AccountCommandContext context)
    {
        switch (state.Status)
        {
            case AccountStatus.None:
                return AccountGuard.Missing;
            case AccountStatus.Closed:
                return AccountDecision.NoChange;
        }

        if (SecretText.Check(Note) is { } secret)
        {
            return secret;
        }

        if (state.AbolitionReason is not { } reason)
        {
            return Refusal.Conflict(
                "abolition-not-notified",
                "Notify the abolition first (000 §7(1)) and announce it (003 (4)); under a security threat, use close-now instead.");
        }

        if (state.Listed)
        {
            return Refusal.Conflict(
                "still-listed", "The account is still on the public list; the CISO removes it first, then it is deleted (000 §7(2), (3)).");
        }

        if (state.PlannedClosingAt > context.Now)
        {
            return Refusal.Conflict(
                "announcement-period",
                $"The closing is announced until {state.PlannedClosingAt:yyyy-MM-dd HH:mm zzz} (003 (4)); close it after that, or use close-now under a security threat.");
        }

        return AccountDecision.Accept(new AccountClosed(state.Id, reason, Immediately: false, Note, context.By, context.Now));
    }
}
