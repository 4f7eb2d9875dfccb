using Incidents.EventStore.Postgres.Feed;
using Incidents.Projections.Checkpoints;
using Npgsql;

namespace Incidents.Projections.Runner;

/// <summary>The live projection's checkpoint as a cursor.</summary>
public sealed class CheckpointCursor(string name, FeedPosition position) : IFeedCursor
{
    public FeedPosition Position { get; private set; } = position;

    public Task<bool> AdvanceAsync(NpgsqlConnection connection, FeedPage page, DateTimeOffset now, CancellationToken cancellationToken) =>
        CheckpointStore.AdvanceAsync(
            connection, name, Position, page.Last!.Value, page.Events.Count, page.Events[^1].RecordedAt, now, cancellationToken);

    public void Committed(FeedPage page) => Position = page.Last ?? Position;
}
