using Incidents.Domain.Access;
using Incidents.Domain.Incidents;

namespace Incidents.Domain.Runbooks.Kinds;

/// <summary>デマ: 000 §9(4); 001 §5(3); 003 トラブル(3).</summary>
internal static class HoaxRunbook
{
    public static Runbook Definition { get; } = new(
        IncidentKind.Hoax,
        new("デマ", "Hoax"),
        new(
            "町に関する事実と異なる情報が書き込まれた場合の対応です。その場で否定や反論をせず、正しい情報を発信し、ホームページへ誘導します。",
            "False information about the town is spreading: do not deny it on the spot; publish the correct information and link to the homepage."),
        [
            SharedSteps.ReportToOfficers([Officer.DepartmentHead, Officer.GeneralAffairs], Sections.Urausu("§5(3)")),
            new RunbookStep
            {
                Key = "publish-correct-information",
                Title = new("正しい情報の発信（ホームページへの誘導）", "Publish the correct information, linking to the homepage"),
                Responsible = Role.DepartmentHead,
                Mandatory = true,
                Deadline = TimeSpan.FromHours(4),
                CompletedBy = StepAction.PublishStatement,
                StatementKinds = [StatementKind.CorrectInformation],
                Ladder = EscalationLadder.Hours(Role.DepartmentHead),
                Sources = [Sections.Misato("§9(4)"), Sections.Fuji("トラブル(3)ア")],
            },
            SharedSteps.RequestTakedown(
                "request-removal", new("悪質な書き込みの削除依頼", "Ask for a malicious post to be removed"),
                mandatory: false, TimeSpan.FromHours(24), StepTrigger.AtReport,
                Sections.Fuji("トラブル(3)イ")),
            SharedSteps.AwaitPlatformAnswer("request-removal"),
        ],
        [
            new("事実誤認を含むネガティブな書き込みでも、その場の判断で否定や反論をしません。", "Even when a post is wrong, do not deny or rebut it on the spot."),
        ],
        [
            new(StatementKind.CorrectInformation, new(
                "町に関して事実と異なる情報が広まっています。正しい情報は町ホームページ（{homepageUrl}）でご確認ください。",
                "Incorrect information about the town is circulating. Please see the town's homepage ({homepageUrl}) for the facts.")),
        ]);
}
