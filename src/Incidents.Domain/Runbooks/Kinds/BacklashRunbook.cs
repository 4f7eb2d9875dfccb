using Incidents.Domain.Access;
using Incidents.Domain.Incidents;

namespace Incidents.Domain.Runbooks.Kinds;

/// <summary>炎上: 000 §9(3); 001 §7(2); 002 §4(3); 003 トラブル(1).</summary>
internal static class BacklashRunbook
{
    public static Runbook Definition { get; } = new(
        IncidentKind.Backlash,
        new("炎上", "Backlash"),
        new(
            "批判や苦情が殺到した場合の対応です。職員個人の判断で反論せず、所属として説明・訂正・謝罪を行います。対応に時間を要する場合はその旨をまず発信します。",
            "Criticism floods in: no staff member argues on their own judgement; the department explains, corrects or apologises, and says first that a response is coming if it will take time."),
        [
            SharedSteps.ReportToOfficers([Officer.DepartmentHead, Officer.GeneralAffairs], Sections.Urausu("§5(3)")),
            new RunbookStep
            {
                Key = "first-public-word",
                Title = new("対応中である旨の発信", "Say publicly that a response is coming"),
                Responsible = Role.DepartmentHead,
                Mandatory = true,
                Deadline = TimeSpan.FromHours(2),
                CompletedBy = StepAction.PublishStatement,
                StatementKinds = [StatementKind.HoldingStatement, StatementKind.Explanation, StatementKind.Correction, StatementKind.Apology],
                Ladder = EscalationLadder.Urgent(Role.DepartmentHead),
                Sources = [Sections.Misato("§9(3)"), Sections.Urausu("§7(2)③"), Sections.Fuji("トラブル(1)ウ")],
                Guidance = new(
                    "2時間以内に公の発信がなければ、対応中である旨のお知らせを出します。",
                    "If nothing public has been said within 2 hours, publish a holding statement."),
            },
            new RunbookStep
            {
                Key = "fix-problem",
                Title = new("問題となった部分の修正", "Fix the part that caused the problem"),
                Responsible = Role.DepartmentHead,
                Mandatory = true,
                Deadline = TimeSpan.FromHours(24),
                CompletedBy = StepAction.Manual,
                Ladder = EscalationLadder.Hours(Role.DepartmentHead),
                Sources = [Sections.Urausu("§7(2)②")],
            },
            new RunbookStep
            {
                Key = "department-response",
                Title = new("所属としての説明・訂正・謝罪", "Explain, correct or apologise as the department"),
                Responsible = Role.DepartmentHead,
                Mandatory = true,
                Deadline = TimeSpan.FromHours(72),
                CompletedBy = StepAction.PublishStatement,
                StatementKinds = [StatementKind.Explanation, StatementKind.Correction, StatementKind.Apology],
                Ladder = EscalationLadder.Hours(Role.DepartmentHead),
                Sources = [Sections.Misato("§9(3)"), Sections.Urausu("§7(2)②"), Sections.Shiroi("§4(3)")],
            },
        ],
        [
            new("職員の判断による反論や抗弁は行いません。", "No rebuttal or argument on a staff member's own judgement."),
            new("冷静かつ真摯に対応し、無用な議論を避けます。", "Stay calm and sincere; avoid pointless arguments."),
        ],
        [
            new(StatementKind.HoldingStatement, new(
                "皆様からいただいているご意見について、現在事実関係を確認しております。確認でき次第、改めてお知らせいたします。",
                "We are checking the facts behind the comments we have received and will report back as soon as we can.")),
            new(StatementKind.Apology, new(
                "先日の投稿により、多くの皆様に不快な思いをおかけしましたことをお詫び申し上げます。該当箇所は修正いたしました。",
                "We apologise for the distress our recent post caused. The part in question has been corrected.")),
            new(StatementKind.Explanation, new(
                "先日の投稿について、経緯と町の考え方をご説明いたします。",
                "About our recent post: here is what happened and how the town sees it.")),
        ]);
}
