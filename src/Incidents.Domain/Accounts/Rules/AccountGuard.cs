using Incidents.Domain.Accounts.State;
using Incidents.Domain.Decisions;

namespace Incidents.Domain.Accounts.Rules;

public static class AccountGuard
{
    /// <summary>Refuses commands on an account that does not exist, or that is already closed.</summary>
    public static Refusal? RequireOpen(AccountState state) => state.Status switch
    {
        AccountStatus.None => Missing,
        AccountStatus.Closed => Refusal.Conflict("account-closed", "The account is closed; nothing more can be recorded on it."),
        _ => null,
    };

    public static Refusal Missing { get; } = Refusal.Missing("account-not-found", "No official account has this id.");
}
