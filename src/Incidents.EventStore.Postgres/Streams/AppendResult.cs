using Incidents.EventStore.Postgres.Feed;

namespace Incidents.EventStore.Postgres.Streams;

/// <summary>Where the appended events landed: the stream's new version, and the feed positions of the first and last.</summary>
public sealed record AppendResult(string StreamId, long NextExpectedVersion, FeedPosition First, FeedPosition Last);
