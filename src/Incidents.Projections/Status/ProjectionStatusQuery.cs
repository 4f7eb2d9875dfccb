using Incidents.EventStore.Postgres.Feed;
using Incidents.Projections.Checkpoints;
using Incidents.Projections.Rebuild;
using Incidents.Projections.Runner;
using Npgsql;

namespace Incidents.Projections.Status;

/// <summary>Where every projection stands, from the database (the same answer on every node) plus this node's leadership.</summary>
public sealed class ProjectionStatusQuery(
    NpgsqlDataSource dataSource, ProjectionCatalog catalog, ProjectionRuntime runtime, RebuildRequests rebuilds)
{
    /// <summary>Pending events are counted up to this many; beyond it the answer is "at least".</summary>
    private const int PendingCountLimit = 100_000;

    public async Task<IReadOnlyList<ProjectionStatus>> ReadAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var statuses = new List<ProjectionStatus>();
        foreach (var inline in catalog.Inline)
        {
            statuses.Add(new ProjectionStatus(
                inline.Name, true, CheckpointStatus.Running, null, 0, TimeSpan.Zero, null, null, null,
                runtime.Of(inline.Name)?.IsLeader ?? false, await rebuilds.ReadAsync(inline.Name, cancellationToken)));
        }

        foreach (var projection in catalog.Asynchronous)
        {
            statuses.Add(await ReadAsync(projection.Name, now, cancellationToken));
        }

        return statuses;
    }

    private async Task<ProjectionStatus> ReadAsync(string name, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var checkpoint = await CheckpointStore.ReadAsync(connection, name, cancellationToken);
        var position = checkpoint?.Position ?? FeedPosition.Start;
        await using var command = new NpgsqlCommand($"""
            select (select recorded_at from events
                     where (transaction_id, position) > ($1, $2)
                     order by transaction_id, position limit 1),
                   (select count(*) from (select 1 from events where (transaction_id, position) > ($1, $2) limit {PendingCountLimit}) pending)
            """, connection);
        command.Parameters.Add(CheckpointStore.Xid8(position.TransactionId));
        command.Parameters.Add(new NpgsqlParameter { Value = position.Position });
        DateTimeOffset? oldestPending;
        long pending;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            oldestPending = reader.IsDBNull(0) ? null : reader.GetFieldValue<DateTimeOffset>(0);
            pending = reader.GetInt64(1);
        }

        var lag = oldestPending is { } oldest && now > oldest ? now - oldest : TimeSpan.Zero;
        return new ProjectionStatus(
            name, false, checkpoint?.Status ?? CheckpointStatus.Running, checkpoint?.Position, checkpoint?.EventsApplied ?? 0,
            lag, pending, checkpoint?.Fault, checkpoint?.UpdatedAt, runtime.Of(name)?.IsLeader ?? false,
            await rebuilds.ReadAsync(name, cancellationToken));
    }
}
