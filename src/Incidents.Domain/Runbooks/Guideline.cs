using Incidents.Domain.Text;

namespace Incidents.Domain.Runbooks;

/// <summary>A source document that a runbook step comes from: one of the seed guidelines, or a law.</summary>
public sealed record Guideline(string Code, string FileName, LocalizedText Title)
{
    public static readonly Guideline Misato = new(
        "000", "000_75f46daf931cf8e0.txt",
        new("美里町ソーシャルメディア活用ガイドライン", "Misato Town social media guideline"));

    public static readonly Guideline Urausu = new(
        "001", "001_791005d55497bbce.txt",
        new("浦臼町ソーシャルメディア活用ガイドライン", "Urausu Town social media guideline"));

    public static readonly Guideline Shiroi = new(
        "002", "002_260316ae65892ce5.txt",
        new("白井市ツイッター運用ガイドライン", "Shiroi City Twitter guideline"));

    public static readonly Guideline Fuji = new(
        "003", "003_f31a489d373f1141.txt",
        new("富士市ソーシャルメディア運用指針", "Fuji City social media operating guideline"));

    /// <summary>Not a seed: Japan's platform act asks large platforms to answer deletion requests within 7 days.</summary>
    public static readonly Guideline PlatformAct = new(
        "law", "",
        new("情報流通プラットフォーム対処法", "Information Distribution Platform Act"));
}
