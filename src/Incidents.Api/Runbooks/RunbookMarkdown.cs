using System.Text;
using System.Text.Json;
using Incidents.Domain.Access;
using Incidents.Domain.Incidents;
using Incidents.Domain.Runbooks;

namespace Incidents.Api.Runbooks;

/// <summary>
/// Renders the runbook definitions as the Markdown files in docs/runbooks, Japanese first. The definitions in the domain
/// are the one source of truth: the files are generated (scripts/generate-runbook-docs.sh) and a test fails when they
/// differ from this rendering.
/// </summary>
public static class RunbookMarkdown
{
    public const string IndexFileName = "README.md";

    private const string Banner =
        "<!-- Generated from the runbook definitions in src/Incidents.Domain/Runbooks by scripts/generate-runbook-docs.sh. " +
        "Do not edit: a test fails when this file and the code disagree. -->";

    public static string FileNameOf(IncidentKind kind) => JsonNamingPolicy.KebabCaseLower.ConvertName(kind.ToString()) + ".md";

    /// <summary>Every file of docs/runbooks, by file name.</summary>
    public static IReadOnlyDictionary<string, string> Render(RunbookCatalog catalog)
    {
        var files = catalog.All.ToDictionary(r => FileNameOf(r.Kind), Render, StringComparer.Ordinal);
        files[IndexFileName] = RenderIndex(catalog);
        return files;
    }

    public static string Render(Runbook runbook)
    {
        var md = new StringBuilder();
        Line(md, Banner);
        Line(md);
        Line(md, $"# {runbook.Title.Ja} — {runbook.Title.En}");
        Line(md);
        Line(md, runbook.Summary.Ja);
        Line(md);
        Line(md, runbook.Summary.En);
        Line(md);
        Line(md, "## 手順の一覧 — Steps at a glance");
        Line(md);
        Line(md, "| # | 手順 — Step | 担当 — Who | 期限 — Deadline | 必須 — Mandatory |");
        Line(md, "|---|---|---|---|---|");
        foreach (var (step, number) in runbook.Steps.Select((s, i) => (s, i + 1)))
        {
            var deadline = RunbookPhrases.Duration(step.Deadline);
            Line(md, $"| {number} | {step.Title.Ja}<br>{step.Title.En} | {RoleTitles.Of(step.Responsible).Ja}<br>{RoleTitles.Of(step.Responsible).En} | " +
                $"{deadline.Ja}<br>{deadline.En} | {(step.Mandatory ? "必須<br>mandatory" : "任意<br>optional")} |");
        }

        Line(md);
        Line(md, "## 手順 — Steps");
        foreach (var (step, number) in runbook.Steps.Select((s, i) => (s, i + 1)))
        {
            Step(md, runbook, step, number);
        }

        if (runbook.Templates.Count > 0)
        {
            Line(md);
            Line(md, "## 公開文のひな形 — Public statement templates");
            Line(md);
            Line(md, "公開前に、起案者とは別の承認者の承認が必要です。 — Every statement needs the approval of someone other than its writer before it is published.");
            foreach (var template in runbook.Templates)
            {
                var kind = StatementKindTitles.Of(template.Kind);
                Line(md);
                Line(md, $"### {kind.Ja} — {kind.En}");
                Line(md);
                Line(md, "> " + template.Text.Ja);
                Line(md);
                Line(md, "> " + template.Text.En);
            }
        }

        if (runbook.Cautions.Count > 0)
        {
            Line(md);
            Line(md, "## 注意事項 — Cautions");
            Line(md);
            foreach (var caution in runbook.Cautions)
            {
                Line(md, $"- {caution.Ja}<br>{caution.En}");
            }
        }

        return md.ToString();
    }

    public static string RenderIndex(RunbookCatalog catalog)
    {
        var md = new StringBuilder();
        Line(md, Banner);
        Line(md);
        Line(md, "# ランブック — Runbooks");
        Line(md);
        Line(md, "インシデントの種類ごとの対応手順です。各手順の担当・期限・エスカレーション、公開文のひな形、根拠となるガイドラインの箇所を示します。");
        Line(md);
        Line(md, "What to do for each kind of incident: every step with who does it, its deadline and escalation ladder, the public statement templates, and the guideline sections it comes from.");
        Line(md);
        foreach (var runbook in catalog.All)
        {
            Line(md, $"- [{runbook.Title.Ja} — {runbook.Title.En}]({FileNameOf(runbook.Kind)})");
        }

        Line(md);
        Line(md, "## 期限とエスカレーションの変更 — Changing deadlines and ladders");
        Line(md);
        Line(md, "ここに示す期限とエスカレーションは既定値です。運用に合わせて、種類・手順ごとに設定で上書きできます。");
        Line(md);
        Line(md, "These are the defaults. A deployment overrides them per kind and step in configuration, for example:");
        Line(md);
        Line(md, "```");
        Line(md, "Runbooks:Overrides:account-takeover:rotate-password:Deadline             = 20m");
        Line(md, "Runbooks:Overrides:account-takeover:rotate-password:Ladder:RepeatEvery     = 1h");
        Line(md, "Runbooks:Overrides:account-takeover:rotate-password:Ladder:Rungs:0:After  = 0m");
        Line(md, "Runbooks:Overrides:account-takeover:rotate-password:Ladder:Rungs:0:Notify = department-head");
        Line(md, "```");
        Line(md);
        Line(md, "Durations are written as 45m, 2h, 7d or 00:45:00; roles as the API spells them. The service refuses to start with an override it cannot apply.");
        Line(md);
        Line(md, "## この文書の更新 — Updating these files");
        Line(md);
        Line(md, "The runbook definitions in `src/Incidents.Domain/Runbooks` are the one source of truth. After changing them, run `scripts/generate-runbook-docs.sh`; a test fails while these files and the code disagree.");
        return md.ToString();
    }

    private static void Step(StringBuilder md, Runbook runbook, RunbookStep step, int number)
    {
        var who = RoleTitles.Of(step.Responsible);
        var deadline = RunbookPhrases.Duration(step.Deadline);
        var opens = RunbookPhrases.Opens(step.OpensOn, runbook);
        var completedBy = RunbookPhrases.CompletedBy(step);
        Line(md);
        Line(md, $"### {number}. {step.Title.Ja} — {step.Title.En}");
        Line(md);
        Line(md, $"- キー — Key: `{step.Key}`");
        Line(md, $"- 担当 — Who: {who.Ja}（{who.En}）");
        Line(md, $"- 必須 — Mandatory: {(step.Mandatory ? "必須（完了するまでインシデントを閉じられません） — mandatory: the incident cannot close while it is open" : "任意（理由を付けて省略できます） — optional: may be waived with a reason")}");
        Line(md, $"- 開始 — Opens: {opens.Ja} — {opens.En}");
        Line(md, $"- 期限 — Deadline: 開始から{deadline.Ja} — {deadline.En} after it opens");
        Line(md, $"- 完了の条件 — Completed by: {completedBy.Ja} — {completedBy.En}");
        Line(md, "- エスカレーション — Escalation ladder:");
        for (var rung = 1; rung <= step.Ladder.Rungs.Count; rung++)
        {
            var notify = RoleTitles.Of(step.Ladder.Rungs[rung - 1].Notify);
            var after = RunbookPhrases.Duration(step.Ladder.Rungs[rung - 1].After);
            var when = rung == 1
                ? step.Ladder.Rungs[0].After == TimeSpan.Zero
                    ? ("期限の時点で", "at the deadline")
                    : ($"期限の{after.Ja}後に", $"{after.En} after the deadline")
                : ($"その{after.Ja}後に", $"{after.En} later");
            Line(md, $"  {rung}. {when.Item1}{notify.Ja}へ通知 — {when.Item2}, notify the {notify.En}");
        }

        var last = RoleTitles.Of(step.Ladder.Rungs[^1].Notify);
        var repeat = RunbookPhrases.Duration(step.Ladder.RepeatEvery);
        Line(md, $"  - 以降、対応されるまで{repeat.Ja}ごとに{last.Ja}へ再通知 — then the {last.En} again every {repeat.En} until someone acts");
        Line(md, "- 根拠 — Sources:");
        foreach (var source in step.Sources)
        {
            Line(md, $"  - {RunbookPhrases.Cite(source)}");
        }

        if (step.Guidance is { } guidance)
        {
            Line(md, $"- 補足 — Guidance: {guidance.Ja} — {guidance.En}");
        }
    }

    private static void Line(StringBuilder md, string text = "") => md.Append(text).Append('\n');
}
