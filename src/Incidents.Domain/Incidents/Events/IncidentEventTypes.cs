namespace Incidents.Domain.Incidents.Events;

/// <summary>
/// The stable wire name of every incident event. Stored rows carry these names, never CLR type names, so a record
/// can be renamed or moved without breaking the store. Never change a name once events carry it.
/// </summary>
public static class IncidentEventTypes
{
    public const int SchemaVersion = 1;

    public static IReadOnlyDictionary<string, Type> ByWireName { get; } = new Dictionary<string, Type>
    {
        ["incident-reported"] = typeof(IncidentReported),
        ["incident-acknowledged"] = typeof(IncidentAcknowledged),
        ["incident-assigned"] = typeof(IncidentAssigned),
        ["step-opened"] = typeof(StepOpened),
        ["step-assigned"] = typeof(StepAssigned),
        ["step-completed"] = typeof(StepCompleted),
        ["step-waived"] = typeof(StepWaived),
        ["step-escalated"] = typeof(StepEscalated),
        ["officers-reported"] = typeof(OfficersReported),
        ["takedown-requested"] = typeof(TakedownRequested),
        ["platform-answer-recorded"] = typeof(PlatformAnswerRecorded),
        ["password-rotated"] = typeof(PasswordRotated),
        ["posts-deleted"] = typeof(PostsDeleted),
        ["pc-scanned"] = typeof(PcScanned),
        ["statement-drafted"] = typeof(StatementDrafted),
        ["statement-revised"] = typeof(StatementRevised),
        ["statement-approved"] = typeof(StatementApproved),
        ["statement-published"] = typeof(StatementPublished),
        ["police-contacted"] = typeof(PoliceContacted),
        ["spread-checked"] = typeof(SpreadChecked),
        ["incident-resolved"] = typeof(IncidentResolved),
        ["incident-closed"] = typeof(IncidentClosed),
        ["incident-reopened"] = typeof(IncidentReopened),
        ["genuine-account-linked"] = typeof(GenuineAccountLinked),
        ["additional-report-received"] = typeof(AdditionalReportReceived),
        ["incident-merged"] = typeof(IncidentMerged),
        ["incident-merged-into"] = typeof(IncidentMergedInto),
    };
}
