namespace Incidents.Domain.Incidents.Events;

/// <summary>
/// Someone else reported the same account while this incident was open; their report joined it instead of opening a
/// second incident. <paramref name="AccountHandle"/> is the handle as they wrote it.
/// </summary>
public sealed record AdditionalReportReceived(
    Guid IncidentId,
    string AccountHandle,
    string? AccountUrl,
    string WhatWasSeen,
    IReadOnlyList<string> EvidenceUrls,
    DateTimeOffset? DiscoveredAt,
    string? ReporterContact,
    string By,
    DateTimeOffset At) : IIncidentEvent;
