using Incidents.EventStore.Postgres.Feed;
using Incidents.Projections.Checkpoints;
using Incidents.Projections.Rebuild;

namespace Incidents.Projections.Status;

/// <summary>
/// One projection as an officer or an operator sees it. <paramref name="Lag"/>: how long the oldest event it has not
/// applied has been waiting (zero when caught up); inline projections have no checkpoint and no lag.
/// </summary>
public sealed record ProjectionStatus(
    string Name,
    bool Inline,
    CheckpointStatus Status,
    FeedPosition? Checkpoint,
    long EventsApplied,
    TimeSpan Lag,
    long? PendingEvents,
    ProjectionFault? Fault,
    DateTimeOffset? UpdatedAt,
    bool LeaderHere,
    RebuildProgress? Rebuild);
