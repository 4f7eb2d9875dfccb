namespace Incidents.Domain.Incidents;

/// <summary>Whom an incident is reported to (000 §9; 001 §5(3)).</summary>
public enum Officer
{
    /// <summary>統括情報セキュリティ責任者</summary>
    Ciso,

    /// <summary>情報セキュリティ管理者</summary>
    SecurityManager,

    /// <summary>所属長 / 所属課局長</summary>
    DepartmentHead,

    /// <summary>総務課</summary>
    GeneralAffairs,
}
