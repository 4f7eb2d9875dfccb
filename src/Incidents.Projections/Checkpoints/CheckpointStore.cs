using Incidents.EventStore.Postgres.Feed;
using Npgsql;
using NpgsqlTypes;

namespace Incidents.Projections.Checkpoints;

/// <summary>
/// Reads and moves checkpoints. A move is a compare-and-set inside the batch's own transaction: it succeeds only from
/// the position the batch was read after, so a batch whose checkpoint someone else moved rolls back instead of
/// applying twice.
/// </summary>
public sealed class CheckpointStore(NpgsqlDataSource dataSource)
{
    private const string Columns = """
        name, transaction_id, position, status, error, fault_transaction_id, fault_position, fault_event_type,
        events_applied, last_event_recorded_at, updated_at
        """;

    public async Task EnsureAsync(string name, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            insert into projection_checkpoints (name, transaction_id, position, status, updated_at)
            values ($1, '0', 0, 'running', $2)
            on conflict (name) do nothing
            """);
        command.Parameters.Add(new() { Value = name });
        command.Parameters.Add(new() { Value = now });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<ProjectionCheckpoint?> ReadAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await ReadAsync(connection, name, cancellationToken);
    }

    public static async Task<ProjectionCheckpoint?> ReadAsync(NpgsqlConnection connection, string name, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"select {Columns} from projection_checkpoints where name = $1", connection);
        command.Parameters.Add(new() { Value = name });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task<IReadOnlyList<ProjectionCheckpoint>> ReadAllAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"select {Columns} from projection_checkpoints order by name");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var checkpoints = new List<ProjectionCheckpoint>();
        while (await reader.ReadAsync(cancellationToken))
        {
            checkpoints.Add(Read(reader));
        }

        return checkpoints;
    }

    /// <summary>Moves the checkpoint from <paramref name="from"/> to <paramref name="to"/>; false when it was not at <paramref name="from"/>.</summary>
    public static async Task<bool> AdvanceAsync(
        NpgsqlConnection connection, string name, FeedPosition from, FeedPosition to, int applied, DateTimeOffset lastRecordedAt,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            update projection_checkpoints
               set transaction_id = $4, position = $5, events_applied = events_applied + $6,
                   last_event_recorded_at = $7, updated_at = $8
             where name = $1 and transaction_id = $2 and position = $3 and status = 'running'
            """, connection);
        command.Parameters.Add(new() { Value = name });
        command.Parameters.Add(Xid8(from.TransactionId));
        command.Parameters.Add(new() { Value = from.Position });
        command.Parameters.Add(Xid8(to.TransactionId));
        command.Parameters.Add(new() { Value = to.Position });
        command.Parameters.Add(new() { Value = (long)applied });
        command.Parameters.Add(new() { Value = lastRecordedAt.ToUniversalTime() });
        command.Parameters.Add(new() { Value = now });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Replaces the checkpoint after a rebuild swapped in tables that hold exactly the events up to <paramref name="to"/>.</summary>
    public static async Task ResetAsync(
        NpgsqlConnection connection, string name, FeedPosition to, long applied, DateTimeOffset? lastRecordedAt, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            insert into projection_checkpoints (name, transaction_id, position, status, events_applied, last_event_recorded_at, updated_at)
            values ($1, $2, $3, 'running', $4, $5, $6)
            on conflict (name) do update set
                transaction_id = excluded.transaction_id, position = excluded.position, status = 'running', error = null,
                fault_transaction_id = null, fault_position = null, fault_event_type = null,
                events_applied = excluded.events_applied, last_event_recorded_at = excluded.last_event_recorded_at,
                updated_at = excluded.updated_at
            """, connection);
        command.Parameters.Add(new() { Value = name });
        command.Parameters.Add(Xid8(to.TransactionId));
        command.Parameters.Add(new() { Value = to.Position });
        command.Parameters.Add(new() { Value = applied });
        command.Parameters.Add(new() { Value = lastRecordedAt is { } at ? at.ToUniversalTime() : DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = now });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Stops the projection at <paramref name="fault"/>, if its checkpoint is still where the failed batch started.</summary>
    public async Task MarkFaultedAsync(string name, FeedPosition at, ProjectionFault fault, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            update projection_checkpoints
               set status = 'faulted', error = $4, fault_transaction_id = $5, fault_position = $6, fault_event_type = $7, updated_at = $8
             where name = $1 and transaction_id = $2 and position = $3
            """);
        command.Parameters.Add(new() { Value = name });
        command.Parameters.Add(Xid8(at.TransactionId));
        command.Parameters.Add(new() { Value = at.Position });
        command.Parameters.Add(new() { Value = fault.Reason });
        command.Parameters.Add(Xid8(fault.Position.TransactionId));
        command.Parameters.Add(new() { Value = fault.Position.Position });
        command.Parameters.Add(new() { Value = fault.EventType });
        command.Parameters.Add(new() { Value = now });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Lets a faulted projection try again from its checkpoint (after a fix is deployed); false if it was not faulted.</summary>
    public async Task<bool> ResumeAsync(string name, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            update projection_checkpoints
               set status = 'running', error = null, fault_transaction_id = null, fault_position = null, fault_event_type = null,
                   updated_at = $2
             where name = $1 and status = 'faulted'
            """);
        command.Parameters.Add(new() { Value = name });
        command.Parameters.Add(new() { Value = now });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public static NpgsqlParameter Xid8(ulong transactionId) => new() { Value = transactionId, NpgsqlDbType = NpgsqlDbType.Xid8 };

    private static ProjectionCheckpoint Read(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        new FeedPosition(reader.GetFieldValue<ulong>(1), reader.GetInt64(2)),
        reader.GetString(3) == "faulted" ? CheckpointStatus.Faulted : CheckpointStatus.Running,
        reader.IsDBNull(5)
            ? null
            : new ProjectionFault(
                new FeedPosition(reader.GetFieldValue<ulong>(5), reader.GetInt64(6)),
                reader.IsDBNull(7) ? "" : reader.GetString(7),
                reader.IsDBNull(4) ? "" : reader.GetString(4)),
        reader.GetInt64(8),
        reader.IsDBNull(9) ? null : reader.GetFieldValue<DateTimeOffset>(9),
        reader.GetFieldValue<DateTimeOffset>(10));
}
