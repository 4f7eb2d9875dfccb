namespace Incidents.EventStore.Postgres.Feed;

/// <summary>
/// A point in the global feed. The feed is ordered by (transaction id, position), which is commit-safe: see
/// <see cref="EventFeed"/>. Checkpoints store both numbers.
/// </summary>
public readonly record struct FeedPosition(ulong TransactionId, long Position) : IComparable<FeedPosition>
{
    public static FeedPosition Start { get; } = new(0, 0);

    public int CompareTo(FeedPosition other)
    {
        var byTransaction = TransactionId.CompareTo(other.TransactionId);
        return byTransaction != 0 ? byTransaction : Position.CompareTo(other.Position);
    }

    public static bool operator <(FeedPosition left, FeedPosition right) => left.CompareTo(right) < 0;

    public static bool operator >(FeedPosition left, FeedPosition right) => left.CompareTo(right) > 0;

    public static bool operator <=(FeedPosition left, FeedPosition right) => left.CompareTo(right) <= 0;

    public static bool operator >=(FeedPosition left, FeedPosition right) => left.CompareTo(right) >= 0;

    public override string ToString() => $"{TransactionId}:{Position}";
}
