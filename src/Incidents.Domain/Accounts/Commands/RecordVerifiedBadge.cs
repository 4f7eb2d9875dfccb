using Incidents.Domain.Access;
using Incidents.Domain.Accounts.Events;
using Incidents.Domain.Accounts.Rules;
using Incidents.Domain.Accounts.State;
using Incidents.Domain.Incidents.Rules;

namespace Incidents.Domain.Accounts.Commands;

/// <summary>Records whether the platform shows the account as verified (認証アカウント, 000 §6(3)), or no longer does.</summary>
public sealed record RecordVerifiedBadge(bool Verified, string? Note) : IAccountCommand
{
    public IReadOnlySet<Role> PermittedRoles => AccountRoles.BadgeRecorders;

    public AccountDecision Decide(AccountState state, AccountCommandContext context)
    {
        if ((AccountGuard.RequireOpen(state) ?? SecretText.Check(Note)) is { } refusal)
        {
            return refusal;
        }

        return state.Verified == Verified
            ? AccountDecision.NoChange
            : AccountDecision.Accept(new VerifiedBadgeRecorded(state.Id, Verified, Note, context.By, context.Now));
    }
}
