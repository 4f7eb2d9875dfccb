using System.Collections.Frozen;

namespace Incidents.Domain.Access;

/// <summary>Named groups of roles that the commands share.</summary>
public static class RoleSet
{
    public static readonly FrozenSet<Role> Everyone =
        new[] { Role.Staff, Role.PublishingOfficer, Role.DepartmentHead, Role.SecurityManager, Role.Ciso, Role.Admin, Role.Automation }.ToFrozenSet();

    /// <summary>Anyone who works an incident: everyone but the administrator of the service.</summary>
    public static readonly FrozenSet<Role> Responders =
        new[] { Role.Staff, Role.PublishingOfficer, Role.DepartmentHead, Role.SecurityManager, Role.Ciso, Role.Automation }.ToFrozenSet();

    /// <summary>Those who direct the response: assign, waive, resolve.</summary>
    public static readonly FrozenSet<Role> Coordinators =
        new[] { Role.DepartmentHead, Role.SecurityManager, Role.Ciso, Role.Automation }.ToFrozenSet();

    /// <summary>Those who may close and reopen an incident: the security officers.</summary>
    public static readonly FrozenSet<Role> SecurityOfficers =
        new[] { Role.SecurityManager, Role.Ciso }.ToFrozenSet();

    /// <summary>Who may approve a public statement (000 §8(1) 係長以上; 002 2(3)② 所属長).</summary>
    public static readonly FrozenSet<Role> StatementApprovers =
        new[] { Role.PublishingOfficer, Role.DepartmentHead, Role.Ciso }.ToFrozenSet();

    /// <summary>Who may write a public statement: people only, never the automation.</summary>
    public static readonly FrozenSet<Role> StatementWriters =
        new[] { Role.Staff, Role.PublishingOfficer, Role.DepartmentHead, Role.SecurityManager, Role.Ciso }.ToFrozenSet();

    /// <summary>The information security manager runs the full scan of the PC (000 §9(2)).</summary>
    public static readonly FrozenSet<Role> Scanners =
        new[] { Role.SecurityManager, Role.Ciso, Role.Automation }.ToFrozenSet();

    public static readonly FrozenSet<Role> AutomationOnly = new[] { Role.Automation }.ToFrozenSet();
}
