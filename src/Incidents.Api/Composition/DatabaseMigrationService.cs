using Incidents.EventStore.Postgres.Schema;
using Npgsql;

namespace Incidents.Api.Composition;

/// <summary>
/// Creates or migrates the schema before the server starts listening. Waits for PostgreSQL for up to a minute, so
/// the service can start together with its database.
/// </summary>
public sealed class DatabaseMigrationService(SchemaMigrator migrator, TimeProvider time, ILogger<DatabaseMigrationService> logger) : IHostedService
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var giveUpAt = time.GetUtcNow() + Patience;
        while (true)
        {
            try
            {
                await migrator.MigrateAsync(cancellationToken);
                return;
            }
            catch (NpgsqlException e) when (e.IsTransient && time.GetUtcNow() < giveUpAt)
            {
                logger.LogWarning("PostgreSQL is not reachable yet ({Reason}); retrying", e.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), time, cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
