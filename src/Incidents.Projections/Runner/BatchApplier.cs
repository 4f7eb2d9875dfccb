using System.Diagnostics;
using Incidents.EventStore.Postgres.Feed;
using Incidents.Projections.Rebuild;
using Npgsql;

namespace Incidents.Projections.Runner;

/// <summary>
/// One batch, atomically: read the next page of the feed (first, before any write, so this transaction's own id
/// cannot hold back the horizon), apply it, move the cursor by compare-and-set, commit.
/// </summary>
public sealed class BatchApplier(NpgsqlDataSource dataSource, EventFeed feed, TimeProvider time)
{
    public async Task<BatchResult> ApplyAsync(
        IAsyncProjection projection, IFeedCursor cursor, ProjectionTables tables, int max, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        FeedPage page;
        try
        {
            page = await feed.ReadAfterAsync(connection, cursor.Position, max, cancellationToken);
        }
        catch (Exception e) when (IsEventFault(e, cancellationToken))
        {
            return new BatchResult.Failed(e, null);
        }

        if (page.Events.Count == 0)
        {
            return new BatchResult.Empty(page.HasInvisibleTail);
        }

        using var span = ProjectionTracing.StartBatch(projection.Name, page, cursor is RebuildCursor);
        try
        {
            await projection.ApplyAsync(page.Events, new ProjectionWriteContext(connection, tables), cancellationToken);
        }
        catch (Exception e) when (IsEventFault(e, cancellationToken))
        {
            span?.SetStatus(ActivityStatusCode.Error, e.Message);
            return new BatchResult.Failed(e, page.Events.Count == 1 ? page.Events[0] : null);
        }

        if (!await cursor.AdvanceAsync(connection, page, time.GetUtcNow(), cancellationToken))
        {
            span?.SetTag("incidents.outcome", "conflict");
            return new BatchResult.Conflict();
        }

        await transaction.CommitAsync(cancellationToken);
        span?.SetTag("incidents.outcome", "applied");
        cursor.Committed(page);
        return new BatchResult.Applied(page, page.Events.Count == max);
    }

    /// <summary>
    /// Failures that come from the events or the projection's code, as opposed to the database being away (which the
    /// caller retries) or a shutdown. A constraint violation is the projection's bug, so it counts as a fault.
    /// </summary>
    public static bool IsEventFault(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        OperationCanceledException when cancellationToken.IsCancellationRequested => false,
        NpgsqlException { IsTransient: true } => false,
        NpgsqlException and not PostgresException => false,
        PostgresException { Severity: "FATAL" or "PANIC" } => false,
        PostgresException p when p.SqlState.StartsWith("08", StringComparison.Ordinal) || p.SqlState.StartsWith("57", StringComparison.Ordinal) => false,
        TimeoutException or IOException => false,
        _ => true,
    };
}
