using Incidents.Domain.Incidents;
using Incidents.Domain.Runbooks;
using Incidents.Domain.Text;

namespace Incidents.Api.Runbooks;

/// <summary>How the runbook documents word durations, triggers and completing facts, in Japanese and English.</summary>
public static class RunbookPhrases
{
    public static LocalizedText Duration(TimeSpan span)
    {
        if (span == TimeSpan.Zero)
        {
            return new("0分", "0 min");
        }

        var ja = "";
        var en = new List<string>();
        if (span.Days > 0)
        {
            ja += $"{span.Days}日";
            en.Add(span.Days == 1 ? "1 day" : $"{span.Days} days");
        }

        if (span.Hours > 0)
        {
            ja += $"{span.Hours}時間";
            en.Add($"{span.Hours} h");
        }

        if (span.Minutes > 0)
        {
            ja += $"{span.Minutes}分";
            en.Add($"{span.Minutes} min");
        }

        if (span.Seconds > 0)
        {
            ja += $"{span.Seconds}秒";
            en.Add($"{span.Seconds} s");
        }

        return new(ja, string.Join(" ", en));
    }

    public static LocalizedText Opens(StepTrigger trigger, Runbook runbook) => trigger.Kind switch
    {
        StepTriggerKind.AtReport => new("インシデントの報告時", "when the incident is reported"),
        StepTriggerKind.AfterStep when runbook.Step(trigger.AfterStepKey!) is { } previous =>
            new($"「{previous.Title.Ja}」の完了時", $"when \"{previous.Title.En}\" is completed"),
        StepTriggerKind.InfectedScan => new("スキャンでウイルスが検出された時", "when a scan finds an infection"),
        StepTriggerKind.SpreadFound => new("誤った投稿の拡散が確認された時", "when the wrong post is found to have spread"),
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, "A trigger without wording."),
    };

    public static LocalizedText CompletedBy(RunbookStep step) => step.CompletedBy switch
    {
        StepAction.ReportToOfficers => new(
            $"報告の記録（報告先：{string.Join("・", step.Recipients.Select(r => OfficerTitles.Of(r).Ja))}のすべて）",
            $"recording the report to all of: {string.Join(", ", step.Recipients.Select(r => OfficerTitles.Of(r).En))}"),
        StepAction.RequestTakedown => new("運営者への削除依頼の記録", "recording the takedown request"),
        StepAction.RecordPlatformAnswer => new("運営者の回答の記録", "recording the platform's answer"),
        StepAction.RotatePassword => new("パスワードを変更した事実の記録（パスワードそのものは記録しない）", "recording that the password was changed (never the password)"),
        StepAction.DeletePosts => new("削除した投稿の記録", "recording the deleted posts"),
        StepAction.ScanPc => new("スキャン結果の記録", "recording a scan result"),
        StepAction.CleanScan => new("検出なしの再スキャン結果の記録", "recording a clean rescan"),
        StepAction.PublishStatement => new(
            $"承認済みの公開文の公開（{string.Join("・", step.StatementKinds.Select(k => StatementKindTitles.Of(k).Ja))}）",
            $"publishing an approved statement ({string.Join(", ", step.StatementKinds.Select(k => StatementKindTitles.Of(k).En))})"),
        StepAction.ContactPolice => new("警察・関係部署への連絡の記録", "recording the contact with the police"),
        StepAction.CheckSpread => new("拡散状況の確認結果の記録", "recording whether it spread"),
        StepAction.Manual => new("担当者が完了を記録（メモ付き）", "a person marks it done, with a note"),
        _ => throw new ArgumentOutOfRangeException(nameof(step), step.CompletedBy, "A completing fact without wording."),
    };

    /// <summary>A guideline section as the docs cite it: the seed file and section first, then the document's name.</summary>
    public static string Cite(GuidelineReference source) => source.Guideline.FileName.Length > 0
        ? $"`{source.Guideline.FileName}` {source.Section} — {source.Guideline.Title.Ja}（{source.Guideline.Title.En}）"
        : $"{source.Guideline.Title.Ja}（{source.Guideline.Title.En}）：{source.Section}";
}
