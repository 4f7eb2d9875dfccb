using Incidents.EventStore.Postgres.Feed;

namespace Incidents.Projections.Checkpoints;

/// <summary>A projection's row in projection_checkpoints: the last event applied, and whether it still runs.</summary>
public sealed record ProjectionCheckpoint(
    string Name,
    FeedPosition Position,
    CheckpointStatus Status,
    ProjectionFault? Fault,
    long EventsApplied,
    DateTimeOffset? LastEventRecordedAt,
    DateTimeOffset UpdatedAt);
