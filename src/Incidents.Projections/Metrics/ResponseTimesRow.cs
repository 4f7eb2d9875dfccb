namespace Incidents.Projections.Metrics;

/// <summary>When one incident reached each milestone the officers measure.</summary>
public sealed record ResponseTimesRow(
    Guid IncidentId,
    string Kind,
    DateTimeOffset ReportedAt,
    DateTimeOffset? ReportedToCisoAt,
    DateTimeOffset? TakedownRequestedAt,
    DateTimeOffset? FirstStatementAt,
    DateTimeOffset? ClosedAt);
