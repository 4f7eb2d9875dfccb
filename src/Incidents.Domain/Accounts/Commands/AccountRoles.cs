using System.Collections.Frozen;
using Incidents.Domain.Access;

namespace Incidents.Domain.Accounts.Commands;

/// <summary>Who does what to an official account (000 §6, §7; 003 account lifecycle).</summary>
public static class AccountRoles
{
    /// <summary>The department head owns the account: opens it, changes it, notifies and carries out its abolition.</summary>
    public static readonly FrozenSet<Role> Owners = new[] { Role.DepartmentHead }.ToFrozenSet();

    /// <summary>The CISO keeps the public list of official accounts (000 §6(3), §7(2)).</summary>
    public static readonly FrozenSet<Role> ListKeepers = new[] { Role.Ciso }.ToFrozenSet();

    public static readonly FrozenSet<Role> BadgeRecorders = new[] { Role.DepartmentHead, Role.Ciso }.ToFrozenSet();

    /// <summary>Who may delete an account at once when keeping it would cause serious harm (003 (3)ウ, (4)).</summary>
    public static readonly FrozenSet<Role> ThreatResponders = new[] { Role.SecurityManager, Role.Ciso }.ToFrozenSet();
}
