namespace Incidents.Api.Incidents.Reading;

/// <summary>One event of the incident's stream, as the timeline shows it: what, who (and in which role), when.</summary>
public sealed record TimelineEntry(
    long Position,
    long Version,
    string Type,
    DateTimeOffset RecordedAt,
    string ActorId,
    string ActorRole,
    string CorrelationId,
    object Data);
