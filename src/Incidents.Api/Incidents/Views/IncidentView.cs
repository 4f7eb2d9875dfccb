using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.State;

namespace Incidents.Api.Incidents.Views;

/// <summary>
/// An incident as GET /api/incidents/{id} shows it: state, every runbook step, statements and recorded facts; the
/// genuine official account it concerns; every report it received (<see cref="ReportCount"/> counts the first); and
/// the duplicates merged into it, or the incident it was merged into.
/// </summary>
public sealed record IncidentView(
    Guid Id,
    long Version,
    IncidentKind Kind,
    Platform Platform,
    string AccountHandle,
    string? AccountUrl,
    string WhatWasSeen,
    IReadOnlyList<string> EvidenceUrls,
    DateTimeOffset? DiscoveredAt,
    string? Department,
    string? ReporterContact,
    IncidentStatus Status,
    string ReportedBy,
    DateTimeOffset ReportedAt,
    string? AcknowledgedBy,
    DateTimeOffset? AcknowledgedAt,
    string? Assignee,
    bool Overdue,
    DateTimeOffset? NextDueAt,
    int EscalationLevel,
    IReadOnlyList<StepView> Steps,
    IReadOnlyList<StatementView> Statements,
    IReadOnlyList<Officer> ReportedTo,
    IReadOnlyList<TakedownRecord> Takedowns,
    TakedownOutcome? LastPlatformAnswer,
    DateTimeOffset? PasswordRotatedAt,
    IReadOnlyList<string> DeletedPostUrls,
    ScanRecord? LastScan,
    IReadOnlyList<PoliceContactRecord> PoliceContacts,
    bool? Spread,
    IReadOnlyList<string> CopyUrls,
    string? Resolution,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? ClosedAt,
    GenuineAccount? GenuineAccount,
    int ReportCount,
    IReadOnlyList<ReceivedReport> AdditionalReports,
    IReadOnlyList<MergedIncident> MergedIncidents,
    Guid? MergedInto);
