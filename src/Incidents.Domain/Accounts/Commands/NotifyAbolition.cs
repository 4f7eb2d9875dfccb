using Incidents.Domain.Access;
using Incidents.Domain.Accounts.Events;
using Incidents.Domain.Accounts.Rules;
using Incidents.Domain.Accounts.State;
using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents.Rules;

namespace Incidents.Domain.Accounts.Commands;

/// <summary>
/// The department head notifies the CISO that the account will be abolished (別紙3, 000 §7(1)), for one of the reasons
/// of 003 (3). The closing is announced until <paramref name="PlannedClosingAt"/> (003 (4)).
/// </summary>
public sealed record NotifyAbolition(AbolitionReason Reason, string? Note, DateTimeOffset? PlannedClosingAt) : IAccountCommand
{
    public IReadOnlySet<Role> PermittedRoles => AccountRoles.Owners;

    public AccountDecision Decide(AccountState state, AccountCommandContext context)
    {
        if ((AccountGuard.RequireOpen(state) ?? SecretText.Check(Note)) is { } refusal)
        {
            return refusal;
        }

        if (state.AbolitionNotifiedAt is not null)
        {
            return AccountDecision.NoChange;
        }

        if (PlannedClosingAt < context.Now)
        {
            return Refusal.Invalid("planned-closing-in-past", "plannedClosingAt is in the past; give the date until which the closing is announced.");
        }

        return AccountDecision.Accept(new AbolitionNotified(state.Id, Reason, Note, PlannedClosingAt, context.By, context.Now));
    }
}
