using Incidents.Domain.Access;
using Incidents.Domain.Incidents;

namespace Incidents.Domain.Runbooks.Kinds;

/// <summary>成りすまし: 000 §9(1); 001 §5(3), §7(3); 002 §4(2); 003 トラブル(2).</summary>
internal static class ImpersonationRunbook
{
    public static Runbook Definition { get; } = new(
        IncidentKind.Impersonation,
        new("成りすまし", "Impersonation"),
        new(
            "町の公式アカウントを装うアカウントを発見した場合の対応です。統括情報セキュリティ責任者等へ報告し、運営者へ削除を依頼し、ホームページと公式アカウントで注意喚起します。",
            "Someone pretends to be one of the town's official accounts: report it, ask the platform to remove it, and warn the public on the homepage and the genuine account."),
        [
            SharedSteps.ReportToOfficers(
                [Officer.Ciso, Officer.DepartmentHead, Officer.GeneralAffairs],
                Sections.Misato("§9(1)"), Sections.Urausu("§5(3)"), Sections.Urausu("§8(3)④")),
            SharedSteps.RequestTakedown(
                "request-takedown", new("運営者への削除依頼", "Ask the platform to remove the account"),
                mandatory: true, TimeSpan.FromHours(4), StepTrigger.AtReport,
                Sections.Misato("§9(1)"), Sections.Urausu("§7(3)①"), Sections.Shiroi("§4(2)"), Sections.Fuji("トラブル(2)ア")),
            SharedSteps.AwaitPlatformAnswer("request-takedown"),
            new RunbookStep
            {
                Key = "publish-warning",
                Title = new("ホームページ・公式アカウントでの注意喚起", "Warn the public on the homepage and the genuine account"),
                Responsible = Role.Ciso,
                Mandatory = true,
                Deadline = TimeSpan.FromHours(8),
                CompletedBy = StepAction.PublishStatement,
                StatementKinds = [StatementKind.Warning],
                Ladder = EscalationLadder.Hours(Role.Ciso),
                Sources = [Sections.Misato("§9(1)"), Sections.Urausu("§7(3)①"), Sections.Shiroi("§4(2)"), Sections.Fuji("トラブル(2)イ")],
                Guidance = new(
                    "注意喚起には本物の公式アカウントと、公式アカウント一覧を掲載したホームページのURLを示します（URL短縮サービスは使いません）。",
                    "Point to the genuine account and the homepage list of official accounts; never use a URL shortener."),
            },
            new RunbookStep
            {
                Key = "press-release",
                Title = new("報道機関への資料提供", "Give the press material so the warning spreads"),
                Responsible = Role.DepartmentHead,
                Mandatory = false,
                Deadline = TimeSpan.FromDays(2),
                CompletedBy = StepAction.PublishStatement,
                StatementKinds = [StatementKind.PressMaterial],
                Ladder = EscalationLadder.Days(Role.DepartmentHead),
                Sources = [Sections.Urausu("§7(3)②"), Sections.Fuji("トラブル(2)イ")],
            },
        ],
        [
            new("成りすましアカウントへの直接の反論や接触はしません。", "Do not argue with or contact the impersonating account."),
        ],
        [
            new(StatementKind.Warning, new(
                "【注意】{platform}で町の公式アカウントを装ったアカウント（{reportedHandle}）が確認されています。町の公式アカウントは {officialHandle}（{officialUrl}）です。不審なアカウントからのメッセージやリンクには反応しないでください。公式アカウントの一覧：{homepageUrl}",
                "Warning: an account on {platform} ({reportedHandle}) is pretending to be the town's official account. Our official account is {officialHandle} ({officialUrl}). Do not respond to messages or links from the fake account. List of official accounts: {homepageUrl}")),
            new(StatementKind.PressMaterial, new(
                "町公式{platform}アカウントの成りすましについて：{reportedHandle} は町とは関係のないアカウントです。町の公式アカウントは {officialHandle} です。運営者に削除を依頼しています。",
                "About an account impersonating the town on {platform}: {reportedHandle} is not ours. Our official account is {officialHandle}. We have asked the platform to remove it.")),
        ]);
}
