using Npgsql;
using NpgsqlTypes;

namespace Incidents.Api.Audit;

/// <summary>Who did what and when, across every incident, newest first, straight from the event store's metadata.</summary>
public sealed class AuditQuery(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(
        string? actorId, DateTimeOffset? from, DateTimeOffset? to, int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            select e.position, e.stream_id, e.stream_version, e.type, e.metadata->>'actorId', u.name,
                   e.metadata->>'actorRole', e.metadata->>'correlationId', e.recorded_at
              from events e
              left join users u on u.id::text = e.metadata->>'actorId'
             where ($1::text is null or e.metadata->>'actorId' = $1)
               and ($2::timestamptz is null or e.recorded_at >= $2)
               and ($3::timestamptz is null or e.recorded_at < $3)
             order by e.position desc
             limit $4 offset $5
            """);
        command.Parameters.Add(new() { Value = (object?)actorId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = from is { } f ? f : DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = to is { } t ? t : DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = pageSize });
        command.Parameters.Add(new() { Value = (long)(page - 1) * pageSize });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<AuditEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new AuditEntry(
                reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetString(6), reader.GetString(7),
                reader.GetFieldValue<DateTimeOffset>(8)));
        }

        return entries;
    }
}
