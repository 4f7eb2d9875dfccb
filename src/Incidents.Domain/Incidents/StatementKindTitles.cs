using Incidents.Domain.Text;

namespace Incidents.Domain.Incidents;

/// <summary>What each kind of public statement is called.</summary>
public static class StatementKindTitles
{
    public static LocalizedText Of(StatementKind kind) => kind switch
    {
        StatementKind.Warning => new("注意喚起", "warning"),
        StatementKind.HoldingStatement => new("対応中のお知らせ", "holding statement"),
        StatementKind.Explanation => new("説明", "explanation"),
        StatementKind.Correction => new("訂正", "correction"),
        StatementKind.Apology => new("お詫び", "apology"),
        StatementKind.CorrectInformation => new("正しい情報の発信", "correct information"),
        StatementKind.PressMaterial => new("報道資料", "press material"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A statement kind without a title."),
    };
}
