using Incidents.EventStore.Postgres.Feed;
using Incidents.Projections.Runner;
using Npgsql;

namespace Incidents.Projections.Rebuild;

/// <summary>A rebuild's own position in the feed, stored with its shadow writes.</summary>
public sealed class RebuildCursor(string name, FeedPosition position) : IFeedCursor
{
    public FeedPosition Position { get; private set; } = position;

    public long Processed { get; private set; }

    public DateTimeOffset? LastRecordedAt { get; private set; }

    public Task<bool> AdvanceAsync(NpgsqlConnection connection, FeedPage page, DateTimeOffset now, CancellationToken cancellationToken) =>
        RebuildRequests.AdvanceAsync(connection, name, Position, page.Last!.Value, page.Events.Count, cancellationToken);

    public void Committed(FeedPage page)
    {
        Position = page.Last ?? Position;
        Processed += page.Events.Count;
        LastRecordedAt = page.Events.Count > 0 ? page.Events[^1].RecordedAt : LastRecordedAt;
    }

    /// <summary>Starts counting from what a previous leader already processed.</summary>
    public void Continue(long processed, DateTimeOffset? lastRecordedAt)
    {
        Processed = processed;
        LastRecordedAt = lastRecordedAt;
    }
}
