using Incidents.Domain.Text;

namespace Incidents.Domain.Incidents;

/// <summary>What the guidelines call the officers an incident is reported to.</summary>
public static class OfficerTitles
{
    public static LocalizedText Of(Officer officer) => officer switch
    {
        Officer.Ciso => new("統括情報セキュリティ責任者", "the CISO"),
        Officer.SecurityManager => new("情報セキュリティ管理者", "the information security manager"),
        Officer.DepartmentHead => new("所属長", "the department head"),
        Officer.GeneralAffairs => new("総務課", "general affairs"),
        _ => throw new ArgumentOutOfRangeException(nameof(officer), officer, "An officer without a title."),
    };
}
