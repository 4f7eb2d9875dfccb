namespace Incidents.Projections.OfficialAccounts;

/// <summary>One account of the registry as the read model holds it; enums in their wire spelling.</summary>
public sealed record OfficialAccountRow(
    Guid Id,
    long Version,
    string Platform,
    string Handle,
    string DisplayName,
    string Url,
    string Department,
    string Purpose,
    string Content,
    string PostingSchedule,
    string ReplyPolicy,
    string? OperationPeriod,
    string? HomepageUrl,
    string ApprovedBy,
    string Status,
    bool Listed,
    bool Verified,
    DateTimeOffset OpenedAt,
    DateTimeOffset? ListedAt,
    string? AbolitionReason,
    DateTimeOffset? AbolitionNotifiedAt,
    DateTimeOffset? PlannedClosingAt,
    DateTimeOffset? ClosedAt,
    bool ClosedImmediately);
