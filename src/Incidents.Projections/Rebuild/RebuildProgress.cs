using Incidents.EventStore.Postgres.Feed;

namespace Incidents.Projections.Rebuild;

/// <summary>A projection's rebuild as recorded in projection_rebuilds: who asked, how far it got, how it ended.</summary>
public sealed record RebuildProgress(
    string Name,
    RebuildStatus Status,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    FeedPosition Position,
    long? EventsTotal,
    long EventsProcessed,
    string? Error);
