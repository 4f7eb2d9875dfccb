using Incidents.Domain.Text;

namespace Incidents.Domain.Access;

/// <summary>What people call each role, as the guidelines name them (see shared/domain.md).</summary>
public static class RoleTitles
{
    public static LocalizedText Of(Role role) => role switch
    {
        Role.Staff => new("職員", "staff"),
        Role.PublishingOfficer => new("情報発信責任者", "publishing officer"),
        Role.DepartmentHead => new("所属長", "department head"),
        Role.SecurityManager => new("情報セキュリティ管理者", "information security manager"),
        Role.Ciso => new("統括情報セキュリティ責任者", "CISO"),
        Role.Admin => new("システム管理者", "administrator"),
        Role.Automation => new("自動処理", "automation"),
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "A role without a title."),
    };
}
