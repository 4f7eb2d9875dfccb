using Incidents.EventStore.Postgres.Feed;
using Npgsql;

namespace Incidents.Projections.Runner;

/// <summary>Where a batch starts, and how its end is recorded in the batch's own transaction.</summary>
public interface IFeedCursor
{
    FeedPosition Position { get; }

    /// <summary>Records the page as applied, compare-and-set from <see cref="Position"/>; false when the stored cursor moved.</summary>
    Task<bool> AdvanceAsync(NpgsqlConnection connection, FeedPage page, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Called after the transaction committed.</summary>
    void Committed(FeedPage page);
}
