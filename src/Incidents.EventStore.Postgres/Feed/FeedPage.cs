using Incidents.EventStore.Postgres.Streams;

namespace Incidents.EventStore.Postgres.Feed;

/// <summary>
/// A page of the feed. <paramref name="HasInvisibleTail"/> says that events exist beyond what could be read safely
/// (their transactions, or older ones, were still in flight), so a follower should look again soon.
/// </summary>
public sealed record FeedPage(IReadOnlyList<RecordedEvent> Events, bool HasInvisibleTail)
{
    public FeedPosition? Last => Events.Count == 0 ? null : Events[^1].FeedPosition;
}
