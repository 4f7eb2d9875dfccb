using Incidents.EventStore.Postgres.Feed;

namespace Incidents.Projections.Status;

/// <param name="LastLag">From the last event's append to the commit of the batch that applied it.</param>
/// <param name="EventsApplied">By this node since it started.</param>
public sealed record ProjectionRuntimeState(
    bool IsLeader, FeedPosition? Checkpoint, TimeSpan? LastLag, DateTimeOffset? LastBatchAt, long EventsApplied);
