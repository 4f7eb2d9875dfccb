using Microsoft.Extensions.Logging;
using Npgsql;

namespace Incidents.EventStore.Postgres.Schema;

/// <summary>
/// Applies pending migrations in version order, in one transaction under an advisory lock, so two nodes that start
/// at once apply each migration exactly once (the second waits, then finds nothing to do).
/// </summary>
public sealed class SchemaMigrator(NpgsqlDataSource dataSource, IEnumerable<Migration> migrations, ILogger<SchemaMigrator> logger)
{
    private const long MigrationLockKey = 0x1_4E_C1_DE_47;

    public async Task<IReadOnlyList<Migration>> MigrateAsync(CancellationToken cancellationToken)
    {
        var ordered = migrations.OrderBy(m => m.Version).ToList();
        var duplicate = ordered.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException(
                $"Two migrations share version {duplicate.Key}: {string.Join(", ", duplicate.Select(m => m.Name))}.");
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await Execute(connection, "select pg_advisory_xact_lock(@key)", cancellationToken, ("key", MigrationLockKey));
        await Execute(connection, """
            create table if not exists schema_migrations (
                version    int primary key,
                name       text not null,
                applied_at timestamptz not null default now())
            """, cancellationToken);

        var applied = new HashSet<int>();
        await using (var command = new NpgsqlCommand("select version from schema_migrations", connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetInt32(0));
            }
        }

        var pending = ordered.Where(m => !applied.Contains(m.Version)).ToList();
        foreach (var migration in pending)
        {
            await Execute(connection, migration.Sql, cancellationToken);
            await Execute(
                connection, "insert into schema_migrations (version, name) values (@version, @name)", cancellationToken,
                ("version", migration.Version), ("name", migration.Name));
            logger.LogInformation("Applied schema migration {MigrationVersion} {MigrationName}", migration.Version, migration.Name);
        }

        await transaction.CommitAsync(cancellationToken);
        return pending;
    }

    private static async Task Execute(
        NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
