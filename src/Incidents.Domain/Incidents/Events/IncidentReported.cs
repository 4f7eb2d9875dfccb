namespace Incidents.Domain.Incidents.Events;

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
    DateTimeOffset At) : IIncidentEvent;
