namespace Incidents.Domain.Incidents;

public enum StatementKind
{
    /// <summary>注意喚起: a warning on the homepage and the genuine account.</summary>
    Warning,

    /// <summary>対応中のお知らせ: says that a response is coming, so users do not feel ignored.</summary>
    HoldingStatement,

    /// <summary>説明</summary>
    Explanation,

    /// <summary>訂正</summary>
    Correction,

    /// <summary>お詫び</summary>
    Apology,

    /// <summary>正しい情報の発信: links to the homepage page that carries the facts.</summary>
    CorrectInformation,

    /// <summary>報道資料: material given to the press so a warning spreads.</summary>
    PressMaterial,
}
