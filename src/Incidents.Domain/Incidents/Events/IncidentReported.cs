namespace Incidents.Domain.Incidents.Events;

/// <summary>
/// The first report of an incident. <paramref name="GenuineAccount"/> is the official account it concerns, when the
/// report named one; it is optional so that events stored before the registry existed stay readable.
/// </summary>
public sealed record IncidentReported(
    Guid IncidentId,
    IncidentKind Kind,
    Platform Platform,
    string AccountHandle,
    string? AccountUrl,
    string WhatWasSeen,
    IReadOnlyList<string> EvidenceUrls,
    DateTimeOffset? DiscoveredAt,
    string? Department,
    string? ReporterContact,
    string By,
    DateTimeOffset At,
    GenuineAccount? GenuineAccount = null) : IIncidentEvent;
