using System.Collections.Frozen;
using Incidents.Domain.Text;

namespace Incidents.Api.Dashboard.Localization;

/// <summary>Names of the domain's values (by their wire names) in Japanese and English.</summary>
public static class Labels
{
    private static readonly FrozenDictionary<string, LocalizedText> Statuses = new Dictionary<string, LocalizedText>
    {
        ["reported"] = new("未受付", "Reported"),
        ["responding"] = new("対応中", "Responding"),
        ["resolved"] = new("解決済み", "Resolved"),
        ["closed"] = new("終了", "Closed"),
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, LocalizedText> StepStatuses = new Dictionary<string, LocalizedText>
    {
        ["pending"] = new("未開始", "Not yet open"),
        ["open"] = new("対応待ち", "Open"),
        ["completed"] = new("完了", "Done"),
        ["waived"] = new("省略", "Waived"),
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, LocalizedText> StatementStatuses = new Dictionary<string, LocalizedText>
    {
        ["draft"] = new("承認待ち", "Awaiting approval"),
        ["approved"] = new("承認済み", "Approved"),
        ["published"] = new("公表済み", "Published"),
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, LocalizedText> StatementKinds = new Dictionary<string, LocalizedText>
    {
        ["warning"] = new("注意喚起", "Warning"),
        ["holding-statement"] = new("対応中のお知らせ", "Holding statement"),
        ["explanation"] = new("説明", "Explanation"),
        ["correction"] = new("訂正", "Correction"),
        ["apology"] = new("お詫び", "Apology"),
        ["correct-information"] = new("正しい情報の発信", "Correct information"),
        ["press-material"] = new("報道資料", "Press material"),
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, LocalizedText> Channels = new Dictionary<string, LocalizedText>
    {
        ["homepage"] = new("ホームページ", "Homepage"),
        ["official-account"] = new("公式アカウント", "Official account"),
        ["press"] = new("報道機関", "Press"),
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, LocalizedText> Platforms = new Dictionary<string, LocalizedText>
    {
        ["x"] = new("X", "X"),
        ["facebook"] = new("Facebook", "Facebook"),
        ["instagram"] = new("Instagram", "Instagram"),
        ["you-tube"] = new("YouTube", "YouTube"),
        ["line"] = new("LINE", "LINE"),
        ["other"] = new("その他", "Other"),
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, LocalizedText> Roles = new Dictionary<string, LocalizedText>
    {
        ["staff"] = new("職員", "Staff"),
        ["publishing-officer"] = new("情報発信責任者", "Publishing officer"),
        ["department-head"] = new("所属長", "Department head"),
        ["security-manager"] = new("情報セキュリティ管理者", "Information security manager"),
        ["ciso"] = new("統括情報セキュリティ責任者（CISO）", "CISO"),
        ["admin"] = new("システム管理者", "Administrator"),
        ["automation"] = new("自動処理", "Automation"),
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, LocalizedText> Officers = new Dictionary<string, LocalizedText>
    {
        ["ciso"] = new("統括情報セキュリティ責任者（CISO）", "CISO"),
        ["security-manager"] = new("情報セキュリティ管理者", "Information security manager"),
        ["department-head"] = new("所属長", "Department head"),
        ["general-affairs"] = new("総務課", "General affairs"),
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, LocalizedText> EventTypes = new Dictionary<string, LocalizedText>
    {
        ["incident-reported"] = new("報告", "Reported"),
        ["incident-acknowledged"] = new("受付", "Acknowledged"),
        ["incident-assigned"] = new("担当者の割当", "Assigned"),
        ["step-opened"] = new("ステップ開始", "Step opened"),
        ["step-assigned"] = new("ステップ担当の割当", "Step assigned"),
        ["step-completed"] = new("ステップ完了", "Step done"),
        ["step-waived"] = new("ステップ省略", "Step waived"),
        ["step-escalated"] = new("エスカレーション", "Escalated"),
        ["officers-reported"] = new("責任者への報告", "Reported to officers"),
        ["takedown-requested"] = new("削除依頼", "Takedown requested"),
        ["platform-answer-recorded"] = new("運営者の回答", "Platform answered"),
        ["password-rotated"] = new("パスワード変更", "Password changed"),
        ["posts-deleted"] = new("投稿の削除", "Posts deleted"),
        ["pc-scanned"] = new("PCのスキャン", "PC scanned"),
        ["statement-drafted"] = new("文案の作成", "Statement drafted"),
        ["statement-revised"] = new("文案の修正", "Statement revised"),
        ["statement-approved"] = new("文案の承認", "Statement approved"),
        ["statement-published"] = new("公表", "Statement published"),
        ["police-contacted"] = new("警察への連絡", "Police contacted"),
        ["spread-checked"] = new("拡散の確認", "Spread checked"),
        ["incident-resolved"] = new("解決", "Resolved"),
        ["incident-closed"] = new("終了", "Closed"),
        ["incident-reopened"] = new("再開", "Reopened"),
        ["additional-report-received"] = new("追加の報告", "Later report received"),
        ["incident-merged"] = new("重複の統合", "Duplicate merged in"),
        ["incident-merged-into"] = new("別のインシデントへの統合", "Merged into another incident"),
        ["genuine-account-linked"] = new("公式アカウントの特定", "Genuine account linked"),
    }.ToFrozenDictionary();

    public static LocalizedText Status(string wire) => Find(Statuses, wire);

    public static LocalizedText StepStatus(string wire) => Find(StepStatuses, wire);

    public static LocalizedText StatementStatus(string wire) => Find(StatementStatuses, wire);

    public static LocalizedText StatementKind(string wire) => Find(StatementKinds, wire);

    public static LocalizedText Channel(string wire) => Find(Channels, wire);

    public static LocalizedText Platform(string wire) => Find(Platforms, wire);

    public static LocalizedText Role(string wire) => Find(Roles, wire);

    public static LocalizedText Officer(string wire) => Find(Officers, wire);

    public static LocalizedText EventType(string wire) => Find(EventTypes, wire);

    private static LocalizedText Find(FrozenDictionary<string, LocalizedText> labels, string wire) =>
        labels.TryGetValue(wire, out var label) ? label : new LocalizedText(wire, wire);
}
