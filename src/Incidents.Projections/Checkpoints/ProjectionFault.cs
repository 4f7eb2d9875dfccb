using Incidents.EventStore.Postgres.Feed;

namespace Incidents.Projections.Checkpoints;

/// <summary>The event a projection stopped at, and why.</summary>
public sealed record ProjectionFault(FeedPosition Position, string EventType, string Reason);
