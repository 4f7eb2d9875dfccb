using Incidents.Domain.Access;
using Incidents.Domain.Incidents;
using Incidents.Domain.Text;

namespace Incidents.Domain.Runbooks;

/// <summary>Steps that several runbooks share, parameterised where the guidelines differ.</summary>
internal static class SharedSteps
{
    public const string ReportKey = "report-to-officers";
    public const string AwaitAnswerKey = "await-platform-answer";

    public static RunbookStep ReportToOfficers(IReadOnlyList<Officer> recipients, params IReadOnlyList<GuidelineReference> sources) => new()
    {
        Key = ReportKey,
        Title = new(
            string.Join("・", recipients.Select(r => OfficerTitles.Of(r).Ja)) + "への報告",
            "Report to " + string.Join(", ", recipients.Select(r => OfficerTitles.Of(r).En))),
        Responsible = Role.Staff,
        Mandatory = true,
        Deadline = TimeSpan.FromHours(1),
        CompletedBy = StepAction.ReportToOfficers,
        Recipients = recipients,
        Ladder = EscalationLadder.Urgent(Role.Staff),
        Sources = sources,
    };

    public static RunbookStep RequestTakedown(
        string key, LocalizedText title, bool mandatory, TimeSpan deadline, StepTrigger opensOn,
        params IReadOnlyList<GuidelineReference> sources) => new()
    {
        Key = key,
        Title = title,
        Responsible = Role.Staff,
        Mandatory = mandatory,
        Deadline = deadline,
        CompletedBy = StepAction.RequestTakedown,
        OpensOn = opensOn,
        Ladder = EscalationLadder.Hours(Role.Staff),
        Sources = sources,
    };

    public static RunbookStep AwaitPlatformAnswer(string afterStepKey) => new()
    {
        Key = AwaitAnswerKey,
        Title = new("運営者からの回答の確認", "Record the platform's answer"),
        Responsible = Role.Staff,
        Mandatory = true,
        Deadline = TimeSpan.FromDays(7),
        CompletedBy = StepAction.RecordPlatformAnswer,
        OpensOn = StepTrigger.After(afterStepKey),
        Ladder = EscalationLadder.Days(Role.Staff),
        Sources = [Sections.PlatformActSevenDays],
        Guidance = new(
            "大規模プラットフォームは削除申出に7日以内に応答することとされています。回答がなければ再依頼・上申します。",
            "Large platforms are expected to answer deletion requests within 7 days; without an answer, ask again and escalate."),
    };
}
