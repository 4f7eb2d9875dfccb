namespace Incidents.Domain.Incidents;

/// <summary>
/// One person's report of what they saw, kept on the incident it joined: a later report of the same account, or a
/// report that came with a merged incident (<paramref name="MergedFrom"/>).
/// </summary>
public sealed record ReceivedReport(
    string AccountHandle,
    string? AccountUrl,
    string WhatWasSeen,
    IReadOnlyList<string> EvidenceUrls,
    DateTimeOffset? DiscoveredAt,
    string? ReporterContact,
    string By,
    DateTimeOffset At,
    Guid? MergedFrom = null);
