using Incidents.Domain.Access;
using Incidents.Domain.Incidents;

namespace Incidents.Domain.Runbooks.Kinds;

/// <summary>乗っ取り: 000 §9(2); 002 §4(1), §4(5).</summary>
internal static class AccountTakeoverRunbook
{
    public static Runbook Definition { get; } = new(
        IncidentKind.AccountTakeover,
        new("乗っ取り", "Account takeover"),
        new(
            "公式アカウントに第三者が不正にログインした場合の対応です。パスワードを変更し、発信した覚えのない投稿を削除し、統括情報セキュリティ責任者と情報セキュリティ管理者へ報告します。",
            "Someone else logged into one of our accounts: change the password, delete the posts we did not make, and report to the CISO and the information security manager."),
        [
            new RunbookStep
            {
                Key = "rotate-password",
                Title = new("より安全なパスワードへの変更", "Change to a stronger password"),
                Responsible = Role.Staff,
                Mandatory = true,
                Deadline = TimeSpan.FromMinutes(30),
                CompletedBy = StepAction.RotatePassword,
                Ladder = EscalationLadder.Urgent(Role.Staff),
                Sources = [Sections.Misato("§9(2)"), Sections.Misato("§6(4)"), Sections.Shiroi("§4(1)")],
                Guidance = new(
                    "変更した事実だけを記録します。パスワードそのものはこのシステムに入力しないでください。",
                    "Record only that it was changed. Never enter the password itself here."),
            },
            new RunbookStep
            {
                Key = "delete-unauthorised-posts",
                Title = new("発信した覚えのない投稿の削除", "Delete the posts we did not make"),
                Responsible = Role.Staff,
                Mandatory = true,
                Deadline = TimeSpan.FromHours(1),
                CompletedBy = StepAction.DeletePosts,
                Ladder = EscalationLadder.Urgent(Role.Staff),
                Sources = [Sections.Misato("§9(2)")],
            },
            SharedSteps.ReportToOfficers([Officer.Ciso, Officer.SecurityManager], Sections.Misato("§9(2)")),
            new RunbookStep
            {
                Key = "full-scan-pc",
                Title = new("パソコンのウイルスフルスキャン", "Full virus scan of the PC"),
                Responsible = Role.SecurityManager,
                Mandatory = true,
                Deadline = TimeSpan.FromHours(24),
                CompletedBy = StepAction.ScanPc,
                Ladder = EscalationLadder.Hours(Role.SecurityManager),
                Sources = [Sections.Misato("§9(2)")],
            },
            new RunbookStep
            {
                Key = "remove-malware",
                Title = new("ウイルスの駆除と再スキャン", "Remove the infection and scan again"),
                Responsible = Role.SecurityManager,
                Mandatory = true,
                Deadline = TimeSpan.FromHours(24),
                CompletedBy = StepAction.CleanScan,
                OpensOn = StepTrigger.InfectedScan,
                Ladder = EscalationLadder.Hours(Role.SecurityManager),
                Sources = [Sections.Misato("§9(2)")],
                Guidance = new("再スキャンで検出なしとなれば完了します。", "Completes when a new scan comes back clean."),
            },
            new RunbookStep
            {
                Key = "publish-warning",
                Title = new("ホームページでの注意喚起", "Warn the public on the homepage"),
                Responsible = Role.Ciso,
                Mandatory = false,
                Deadline = TimeSpan.FromHours(24),
                CompletedBy = StepAction.PublishStatement,
                StatementKinds = [StatementKind.Warning],
                Ladder = EscalationLadder.Hours(Role.Ciso),
                Sources = [Sections.Misato("§9(2)")],
            },
            new RunbookStep
            {
                Key = "contact-police",
                Title = new("警察・関係部署への連絡", "Contact the police and the relevant departments"),
                Responsible = Role.DepartmentHead,
                Mandatory = false,
                Deadline = TimeSpan.FromHours(24),
                CompletedBy = StepAction.ContactPolice,
                Ladder = EscalationLadder.Hours(Role.DepartmentHead),
                Sources = [Sections.Shiroi("§4(5)")],
                Guidance = new(
                    "不正アクセス、脅迫や詐欺の疑いがある場合は速やかに連絡・相談します。",
                    "Where there is unauthorised access, threats or fraud, contact them at once."),
            },
        ],
        [
            new("パスワードは推測されにくいものにし、定期的に変更し、厳重に管理します。", "Passwords must be hard to guess, changed regularly and kept secret."),
        ],
        [
            new(StatementKind.Warning, new(
                "【お知らせ】町の{platform}公式アカウント（{officialHandle}）が第三者により不正にログインされ、町が発信していない投稿が行われました。該当の投稿は削除しました。不審なリンクを開いたり、情報を入力したりしないでください。",
                "Notice: the town's official {platform} account ({officialHandle}) was accessed by someone else and used to post messages we did not write. We have deleted them. Do not open suspicious links or enter information.")),
        ]);
}
