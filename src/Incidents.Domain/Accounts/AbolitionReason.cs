namespace Incidents.Domain.Accounts;

/// <summary>Why an official account is deleted: the criteria of 003 account lifecycle (3).</summary>
public enum AbolitionReason
{
    /// <summary>ア 当初の目的を達成したとき.</summary>
    PurposeAchieved,

    /// <summary>イ 目的の達成の見込みが立たないとき.</summary>
    NoProspectOfPurpose,

    /// <summary>ウ セキュリティ上の脅威など、継続することで著しい不利益が生じるとき: may be deleted at once (003 (4)).</summary>
    SecurityThreat,

    /// <summary>エ 公式アカウントとしての品質が担保できないとき.</summary>
    QualityNotAssured,

    Other,
}
