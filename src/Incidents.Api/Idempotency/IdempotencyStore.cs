using Incidents.EventStore.Postgres;
using Npgsql;

namespace Incidents.Api.Idempotency;

/// <summary>
/// Remembers answers per (user, Idempotency-Key). The record is inserted in the same batch as the command's events,
/// so a request either has both or neither; a concurrent duplicate hits the primary key and replays the winner.
/// </summary>
public sealed class IdempotencyStore(NpgsqlDataSource dataSource)
{
    private const string PrimaryKey = "idempotency_keys_pkey";

    public async Task<StoredResponse?> FindAsync(string principal, string key, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "select request_hash, status_code, body, location, etag from idempotency_keys where principal = $1 and key = $2");
        command.Parameters.Add(new() { Value = principal });
        command.Parameters.Add(new() { Value = key });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new StoredResponse(
            reader.GetString(0), reader.GetInt32(1), reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4));
    }

    public static void Record(UnitOfWork unit, string principal, string key, StoredResponse response, DateTimeOffset now) =>
        unit.Add(new NpgsqlBatchCommand("""
            insert into idempotency_keys (principal, key, request_hash, status_code, body, location, etag, created_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8)
            """)
        {
            Parameters =
            {
                new() { Value = principal },
                new() { Value = key },
                new() { Value = response.RequestHash },
                new() { Value = response.StatusCode },
                new() { Value = response.Body },
                new() { Value = (object?)response.Location ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text },
                new() { Value = (object?)response.ETag ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text },
                new() { Value = now },
            },
        });

    public static bool IsDuplicate(PostgresException exception) =>
        exception is { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: PrimaryKey };
}
