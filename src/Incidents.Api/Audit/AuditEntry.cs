namespace Incidents.Api.Audit;

/// <summary>One recorded fact: who (and in which role) did what to which stream, and when.</summary>
public sealed record AuditEntry(
    long Position, string StreamId, long StreamVersion, string Type, string ActorId, string? ActorName, string ActorRole,
    string CorrelationId, DateTimeOffset RecordedAt);
