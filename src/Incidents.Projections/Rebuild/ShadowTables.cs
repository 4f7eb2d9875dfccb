using Incidents.Projections.Runner;
using Npgsql;

namespace Incidents.Projections.Rebuild;

/// <summary>
/// Shadow copies of a projection's tables in the rebuild schema, built beside the live ones and swapped in at once:
/// the live table is dropped and the shadow moved into its schema under the same name, in one transaction. Readers
/// wait for that moment only; a query that waited looks the name up again and reads the new table.
/// </summary>
public static class ShadowTables
{
    /// <summary>Bounds how long a swap waits behind long-running readers before it gives up and tries again later.</summary>
    private const string SwapLockTimeout = "5s";

    public static async Task<string> LiveSchemaAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select current_schema()");
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public static async Task CreateAsync(NpgsqlConnection connection, string liveSchema, IReadOnlyList<string> tables, CancellationToken cancellationToken)
    {
        foreach (var table in tables)
        {
            await ExecuteAsync(connection, $"""
                drop table if exists "{ProjectionTables.RebuildSchema}"."{table}";
                create table "{ProjectionTables.RebuildSchema}"."{table}" (like "{liveSchema}"."{table}" including all)
                """, cancellationToken);
        }
    }

    public static async Task<bool> ExistAsync(NpgsqlConnection connection, IReadOnlyList<string> tables, CancellationToken cancellationToken)
    {
        foreach (var table in tables)
        {
            await using var command = new NpgsqlCommand("select to_regclass($1) is not null", connection);
            command.Parameters.Add(new() { Value = $"\"{ProjectionTables.RebuildSchema}\".\"{table}\"" });
            if (!(bool)(await command.ExecuteScalarAsync(cancellationToken))!)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Replaces the live tables with their shadows inside the caller's transaction.</summary>
    public static async Task SwapAsync(NpgsqlConnection connection, string liveSchema, IReadOnlyList<string> tables, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, $"set local lock_timeout = '{SwapLockTimeout}'", cancellationToken);
        foreach (var table in tables)
        {
            await ExecuteAsync(connection, $"""
                drop table "{liveSchema}"."{table}";
                alter table "{ProjectionTables.RebuildSchema}"."{table}" set schema "{liveSchema}"
                """, cancellationToken);
        }
    }

    public static async Task DropAsync(NpgsqlDataSource dataSource, IReadOnlyList<string> tables, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        foreach (var table in tables)
        {
            await ExecuteAsync(connection, $"drop table if exists \"{ProjectionTables.RebuildSchema}\".\"{table}\"", cancellationToken);
        }
    }

    public static bool IsLockTimeout(Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.LockNotAvailable };

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
