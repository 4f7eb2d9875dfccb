using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace Incidents.Bench.Workloads;

/// <summary>
/// The raw-PostgreSQL baseline for appends: a plain table with the events table's columns and only a primary key,
/// written with single-row INSERTs, multi-row INSERTs or binary COPY of the same payload, one pooled connection per
/// call as the store uses.
/// </summary>
public sealed class RawEventTable(NpgsqlDataSource dataSource, SamplePayload payload)
{
    private const string Columns = "stream_id, stream_version, type, schema_version, data, metadata, recorded_at";

    public static async Task CreateAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("""
            create table bench_raw_events (
                id             bigint generated always as identity primary key,
                stream_id      text not null,
                stream_version bigint not null,
                type           text not null,
                schema_version int not null,
                data           jsonb not null,
                metadata       jsonb not null,
                recorded_at    timestamptz not null)
            """);
        await command.ExecuteNonQueryAsync();
    }

    public async Task InsertOneAsync(string streamId, long version, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"insert into bench_raw_events ({Columns}) values ($1, $2, $3, $4, $5, $6, $7)");
        AddRow(command.Parameters, streamId, version);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>One <c>INSERT … VALUES (…), (…), …</c> of <paramref name="rows"/> rows.</summary>
    public async Task InsertManyAsync(string streamId, long firstVersion, int rows, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(MultiRowInsert(rows));
        for (var i = 0; i < rows; i++)
        {
            AddRow(command.Parameters, streamId, firstVersion + i);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task CopyManyAsync(string streamId, long firstVersion, int rows, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var copy = await connection.BeginBinaryImportAsync($"copy bench_raw_events ({Columns}) from stdin (format binary)", cancellationToken);
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < rows; i++)
        {
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(streamId, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(firstVersion + i, NpgsqlDbType.Bigint, cancellationToken);
            await copy.WriteAsync(payload.Type, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(payload.SchemaVersion, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(payload.Json, NpgsqlDbType.Jsonb, cancellationToken);
            await copy.WriteAsync(payload.MetadataJson, NpgsqlDbType.Jsonb, cancellationToken);
            await copy.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
        }

        await copy.CompleteAsync(cancellationToken);
    }

    private void AddRow(NpgsqlParameterCollection parameters, string streamId, long version)
    {
        parameters.Add(new() { Value = streamId });
        parameters.Add(new() { Value = version });
        parameters.Add(new() { Value = payload.Type });
        parameters.Add(new() { Value = payload.SchemaVersion });
        parameters.Add(new() { Value = payload.Json, NpgsqlDbType = NpgsqlDbType.Jsonb });
        parameters.Add(new() { Value = payload.MetadataJson, NpgsqlDbType = NpgsqlDbType.Jsonb });
        parameters.Add(new() { Value = DateTimeOffset.UtcNow });
    }

    private static string MultiRowInsert(int rows)
    {
        var sql = new StringBuilder($"insert into bench_raw_events ({Columns}) values ");
        for (var i = 0; i < rows; i++)
        {
            var p = i * 7;
            sql.Append(i == 0 ? "" : ", ").Append($"(${p + 1}, ${p + 2}, ${p + 3}, ${p + 4}, ${p + 5}, ${p + 6}, ${p + 7})");
        }

        return sql.ToString();
    }
}
