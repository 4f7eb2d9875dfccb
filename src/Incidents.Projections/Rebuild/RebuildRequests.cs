using Incidents.EventStore.Postgres.Feed;
using Incidents.Projections.Checkpoints;
using Npgsql;

namespace Incidents.Projections.Rebuild;

/// <summary>
/// Rebuild requests and their progress. Any node records a request; the projection's leader claims it, moves its
/// cursor with each shadow batch (compare-and-set, like a checkpoint) and records how it ended.
/// </summary>
public sealed class RebuildRequests(NpgsqlDataSource dataSource)
{
    private const string Columns = """
        name, status, requested_by, requested_at, started_at, finished_at, transaction_id, position, events_total,
        events_processed, error
        """;

    /// <summary>Records a request from position zero; false when a rebuild of this projection is already requested or running.</summary>
    public async Task<bool> RequestAsync(string name, string requestedBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            insert into projection_rebuilds (name, status, requested_by, requested_at)
            values ($1, 'requested', $2, $3)
            on conflict (name) do update set
                status = 'requested', requested_by = excluded.requested_by, requested_at = excluded.requested_at,
                started_at = null, finished_at = null, transaction_id = '0', position = 0, events_total = null,
                events_processed = 0, error = null
            where projection_rebuilds.status in ('completed', 'failed')
            """);
        command.Parameters.Add(new() { Value = name });
        command.Parameters.Add(new() { Value = requestedBy });
        command.Parameters.Add(new() { Value = now });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<RebuildProgress?> ReadAsync(string name, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"select {Columns} from projection_rebuilds where name = $1");
        command.Parameters.Add(new() { Value = name });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    /// <summary>Whether a rebuild waits for the leader: requested, or running when a previous leader stopped.</summary>
    public async Task<bool> IsPendingAsync(string name, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "select exists (select 1 from projection_rebuilds where name = $1 and status in ('requested', 'running'))");
        command.Parameters.Add(new() { Value = name });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// Claims the pending rebuild for this leader. Returns it with the status it had: a requested one starts from zero;
    /// a running one was left by a leader that stopped and may continue from its cursor.
    /// </summary>
    public async Task<(RebuildProgress Claimed, bool WasRunning)?> ClaimAsync(string name, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            with previous as (select status from projection_rebuilds where name = $1)
            update projection_rebuilds
               set status = 'running', started_at = coalesce(started_at, $2),
                   events_total = coalesce(events_total, (select count(*) from events))
             where name = $1 and status in ('requested', 'running')
            returning {Columns}, (select status from previous) = 'running'
            """);
        command.Parameters.Add(new() { Value = name });
        command.Parameters.Add(new() { Value = now });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (Read(reader), reader.GetBoolean(11)) : null;
    }

    /// <summary>Starts the cursor again from position zero (fresh shadow tables).</summary>
    public async Task RestartAsync(string name, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "update projection_rebuilds set transaction_id = '0', position = 0, events_processed = 0 where name = $1 and status = 'running'");
        command.Parameters.Add(new() { Value = name });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<bool> AdvanceAsync(
        NpgsqlConnection connection, string name, FeedPosition from, FeedPosition to, int processed, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            update projection_rebuilds
               set transaction_id = $4, position = $5, events_processed = events_processed + $6
             where name = $1 and transaction_id = $2 and position = $3 and status = 'running'
            """, connection);
        command.Parameters.Add(new() { Value = name });
        command.Parameters.Add(CheckpointStore.Xid8(from.TransactionId));
        command.Parameters.Add(new() { Value = from.Position });
        command.Parameters.Add(CheckpointStore.Xid8(to.TransactionId));
        command.Parameters.Add(new() { Value = to.Position });
        command.Parameters.Add(new() { Value = (long)processed });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Adds to the count of events processed, for rebuilds that do not move a feed cursor (inline projections).</summary>
    public static async Task CountAsync(NpgsqlConnection connection, string name, long processed, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "update projection_rebuilds set events_processed = events_processed + $2 where name = $1 and status = 'running'", connection);
        command.Parameters.Add(new() { Value = name });
        command.Parameters.Add(new() { Value = processed });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task CompleteAsync(NpgsqlConnection connection, string name, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "update projection_rebuilds set status = 'completed', finished_at = $2, error = null where name = $1", connection);
        command.Parameters.Add(new() { Value = name });
        command.Parameters.Add(new() { Value = now });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task FailAsync(string name, string error, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "update projection_rebuilds set status = 'failed', finished_at = $2, error = $3 where name = $1 and status = 'running'");
        command.Parameters.Add(new() { Value = name });
        command.Parameters.Add(new() { Value = now });
        command.Parameters.Add(new() { Value = error });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static RebuildProgress Read(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        Enum.Parse<RebuildStatus>(reader.GetString(1), ignoreCase: true),
        reader.GetString(2),
        reader.GetFieldValue<DateTimeOffset>(3),
        reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4),
        reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5),
        new FeedPosition(reader.GetFieldValue<ulong>(6), reader.GetInt64(7)),
        reader.IsDBNull(8) ? null : reader.GetInt64(8),
        reader.GetInt64(9),
        reader.IsDBNull(10) ? null : reader.GetString(10));
}
