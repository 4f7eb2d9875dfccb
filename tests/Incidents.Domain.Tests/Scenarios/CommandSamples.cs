using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Commands;

namespace Incidents.Domain.Tests.Scenarios;

/// <summary>One instance of every command, by type name, for the rules that hold for all of them.</summary>
public static class CommandSamples
{
    public static IReadOnlyDictionary<string, IIncidentCommand> ByName { get; } = new IIncidentCommand[]
    {
        Given.Report(IncidentKind.Impersonation),
        new AcknowledgeIncident(),
        new AssignIncident("head-tanaka"),
        new AssignStep("request-takedown", "staff-sato"),
        new ReportToOfficers([Officer.Ciso], null),
        new RequestTakedown("https://x.com/another_fake", null),
        new RecordPlatformAnswer(TakedownOutcome.Removed, null),
        new RecordPasswordRotation(null),
        new RecordPostsDeleted(["https://x.com/misato_town/status/9"], null),
        new RecordPcScan(Scenario.Device, ScanResult.Clean, null),
        new DraftStatement(StatementIds.Second, StatementKind.Warning, [StatementChannel.Homepage], "注意喚起", null, null),
        new ReviseStatement(StatementIds.First, "改訂した本文", null),
        new ApproveStatement(StatementIds.First),
        new PublishStatement(StatementIds.First, null),
        new RecordPoliceContact(Scenario.PoliceStation, "R8-0402", null),
        new RecordSpreadCheck(false, []),
        new CompleteStep("fix-problem", null),
        new WaiveStep("press-release", "不要"),
        new EscalateOverdueStep("report-to-officers", 1, 1),
        new ResolveIncident("収束"),
        new CloseIncident(),
        new ReopenIncident("再発", []),
        DuplicateScenarios.AnotherReport(),
        new LinkGenuineAccount(Given.OfficialAccount),
    }.ToDictionary(c => c.GetType().Name);

    public static TheoryData<string> AllNames() => [.. ByName.Keys];

    public static TheoryData<string> NamesExcept(params string[] excluded) => [.. ByName.Keys.Except(excluded)];
}
