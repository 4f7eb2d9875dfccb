using Incidents.Domain.Access;
using Incidents.Domain.Accounts.State;

namespace Incidents.Domain.Accounts.Commands;

/// <summary>A request to change an official account, decided purely against its folded state.</summary>
public interface IAccountCommand
{
    /// <summary>The roles that may issue this command at all; checked before the decision runs.</summary>
    IReadOnlySet<Role> PermittedRoles { get; }

    AccountDecision Decide(AccountState state, AccountCommandContext context);
}
