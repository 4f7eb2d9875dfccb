using Incidents.EventStore.Postgres.Feed;
using Incidents.EventStore.Postgres.Streams;

namespace Incidents.Projections.Runner;

/// <summary>What one attempt at a batch did.</summary>
public abstract record BatchResult
{
    private BatchResult()
    {
    }

    /// <summary>The page was applied and committed. <paramref name="Full"/>: there may be more right behind it.</summary>
    public sealed record Applied(FeedPage Page, bool Full) : BatchResult;

    /// <summary>Nothing readable past the cursor; <paramref name="HasInvisibleTail"/>: something is about to become readable.</summary>
    public sealed record Empty(bool HasInvisibleTail) : BatchResult;

    /// <summary>The stored cursor was not where this batch started; nothing was written.</summary>
    public sealed record Conflict : BatchResult;

    /// <summary>
    /// Reading or applying failed for a reason that is not the database's availability; nothing was written.
    /// <paramref name="Event"/> is the event being applied, when the batch held only one.
    /// </summary>
    public sealed record Failed(Exception Error, RecordedEvent? Event) : BatchResult;
}
