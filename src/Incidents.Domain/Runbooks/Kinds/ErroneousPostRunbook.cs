using Incidents.Domain.Access;
using Incidents.Domain.Incidents;

namespace Incidents.Domain.Runbooks.Kinds;

/// <summary>誤った情報の発信: 000 §8(3); 002 §4(4); 003 トラブル(1)イ.</summary>
internal static class ErroneousPostRunbook
{
    public static Runbook Definition { get; } = new(
        IncidentKind.ErroneousPost,
        new("誤った情報の発信", "Erroneous post"),
        new(
            "町が誤った情報を発信した場合の対応です。直ちに削除・訂正し、拡散していないか確認し、拡散していれば削除を依頼し、お詫びを投稿します。",
            "We posted something wrong: delete and correct it at once, check whether it spread and ask for copies to be removed, then apologise."),
        [
            new RunbookStep
            {
                Key = "delete-wrong-post",
                Title = new("誤った投稿の削除", "Delete the wrong post"),
                Responsible = Role.Staff,
                Mandatory = true,
                Deadline = TimeSpan.FromMinutes(30),
                CompletedBy = StepAction.DeletePosts,
                Ladder = EscalationLadder.Urgent(Role.Staff),
                Sources = [Sections.Shiroi("§4(4)"), Sections.Fuji("トラブル(1)イ")],
            },
            new RunbookStep
            {
                Key = "post-correction",
                Title = new("訂正の投稿", "Post a correction"),
                Responsible = Role.DepartmentHead,
                Mandatory = true,
                Deadline = TimeSpan.FromHours(1),
                CompletedBy = StepAction.PublishStatement,
                StatementKinds = [StatementKind.Correction],
                Ladder = EscalationLadder.Urgent(Role.DepartmentHead),
                Sources = [Sections.Misato("§8(3)"), Sections.Urausu("§7(1)②"), Sections.Fuji("トラブル(1)イ")],
            },
            new RunbookStep
            {
                Key = "check-spread",
                Title = new("拡散状況の確認", "Check whether it spread"),
                Responsible = Role.Staff,
                Mandatory = true,
                Deadline = TimeSpan.FromHours(2),
                CompletedBy = StepAction.CheckSpread,
                Ladder = EscalationLadder.Hours(Role.Staff),
                Sources = [Sections.Shiroi("§4(4)")],
            },
            SharedSteps.RequestTakedown(
                "request-copies-deletion", new("拡散した投稿の削除依頼", "Ask for the copies to be deleted"),
                mandatory: true, TimeSpan.FromHours(24), StepTrigger.SpreadFound,
                Sections.Shiroi("§4(4)")),
            SharedSteps.AwaitPlatformAnswer("request-copies-deletion"),
            new RunbookStep
            {
                Key = "post-apology",
                Title = new("お詫びの投稿", "Post an apology"),
                Responsible = Role.DepartmentHead,
                Mandatory = true,
                Deadline = TimeSpan.FromHours(24),
                CompletedBy = StepAction.PublishStatement,
                StatementKinds = [StatementKind.Apology],
                Ladder = EscalationLadder.Hours(Role.DepartmentHead),
                Sources = [Sections.Shiroi("§4(4)")],
            },
        ],
        [
            new("一度公開された情報は完全には削除できません。削除だけでなく、誤りを認めて訂正します。", "Published information cannot be fully deleted: admit the mistake and correct it, not only delete."),
        ],
        [
            new(StatementKind.Correction, new(
                "【訂正】先ほどの投稿に誤りがありました。正しくは次のとおりです。",
                "Correction: our earlier post contained an error. The correct information is as follows.")),
            new(StatementKind.Apology, new(
                "不適切な投稿を行いましたことをお詫び申し上げます。",
                "We apologise for the inappropriate post.")),
        ]);
}
