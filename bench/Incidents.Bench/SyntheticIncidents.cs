using Incidents.Domain.Access;
using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Events;

namespace Incidents.Bench;

/// <summary>
/// Incident histories as the commands of an impersonation response would write them: each inner list is what one
/// command appends in one transaction. Every fifth incident is of another kind, every fourth stays open.
/// </summary>
public static class SyntheticIncidents
{
    public const int OpeningCommands = 4;

    public static IReadOnlyList<IReadOnlyList<IIncidentEvent>> Commands(Guid id, int n, DateTimeOffset at, bool wholeLife)
    {
        var kind = (IncidentKind)(n % 5);
        var statement = Guid.CreateVersion7();
        List<IReadOnlyList<IIncidentEvent>> commands =
        [
            [
                new IncidentReported(id, kind, Platform.X, $"@fake_{n}", $"https://x.com/fake_{n}", "町の公式アカウントを装った投稿", [],
                    null, "しろいの魅力発信課", null, "staff-1", at),
                new StepOpened(id, "report-to-officers", 1, at.AddHours(1), "staff-1", at),
                new StepOpened(id, "request-takedown", 1, at.AddHours(4), "staff-1", at),
                new StepOpened(id, "publish-warning", 1, at.AddHours(8), "staff-1", at),
                new StepOpened(id, "press-release", 1, at.AddHours(48), "staff-1", at),
            ],
            [
                new OfficersReported(id, [Officer.Ciso, Officer.DepartmentHead, Officer.GeneralAffairs], null, "staff-1", at.AddMinutes(20 + n % 40)),
                new StepCompleted(id, "report-to-officers", 1, null, "staff-1", at.AddMinutes(20 + n % 40)),
            ],
            [
                new TakedownRequested(id, Platform.X, $"https://x.com/fake_{n}", null, "staff-1", at.AddHours(2)),
                new StepCompleted(id, "request-takedown", 1, null, "staff-1", at.AddHours(2)),
                new StepOpened(id, "await-platform-answer", 1, at.AddDays(9), "staff-1", at.AddHours(2)),
            ],
            [new StepEscalated(id, "publish-warning", 1, 1, 1, Role.Ciso, false, at.AddHours(8), "automation", at.AddHours(8))],
        ];
        if (!wholeLife || n % 4 == 0)
        {
            return commands;
        }

        commands.AddRange(
        [
            [new StatementDrafted(id, statement, StatementKind.Warning, [StatementChannel.Homepage], "偽アカウントにご注意ください。", null, null, "staff-1", at.AddHours(8.5))],
            [new StatementApproved(id, statement, 1, "officer-1", at.AddHours(9))],
            [
                new StatementPublished(id, statement, 1, "https://www.town.example/news/1", "staff-1", at.AddHours(9.5)),
                new StepCompleted(id, "publish-warning", 1, null, "staff-1", at.AddHours(9.5)),
            ],
            [
                new PlatformAnswerRecorded(id, TakedownOutcome.Removed, null, "staff-1", at.AddDays(3)),
                new StepCompleted(id, "await-platform-answer", 1, null, "staff-1", at.AddDays(3)),
            ],
            [new StepWaived(id, "press-release", 1, "ホームページで十分", "head-1", at.AddDays(3))],
            [new IncidentResolved(id, "アカウントは凍結された", "head-1", at.AddDays(3.5))],
            [new IncidentClosed(id, "ciso-1", at.AddDays(4))],
        ]);
        return commands;
    }
}
