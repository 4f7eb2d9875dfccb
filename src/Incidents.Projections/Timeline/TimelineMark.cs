namespace Incidents.Projections.Timeline;

/// <summary>One event of an incident as a mark on its timeline.</summary>
public sealed record TimelineMark(
    Guid IncidentId,
    long StreamVersion,
    long Position,
    string Type,
    DateTimeOffset OccurredAt,
    string ActorId,
    string ActorRole,
    string? StepKey,
    Guid? StatementId,
    int? EscalationLevel,
    string? NotifiedRole);
