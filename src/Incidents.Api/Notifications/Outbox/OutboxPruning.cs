using Microsoft.Extensions.Options;
using Npgsql;

namespace Incidents.Api.Notifications.Outbox;

/// <summary>
/// Deletes delivered outbox rows once they are older than <see cref="NotificationOptions.DeliveredRetention"/>, in
/// small batches so no delete holds many locks. Rows still to deliver, and abandoned ones (which a person must look
/// at), stay. Several nodes may prune at once: a row two of them pick is deleted by one and skipped by the other.
/// </summary>
public sealed class OutboxPruning(
    NpgsqlDataSource dataSource, IOptions<NotificationOptions> options, TimeProvider time, ILogger<OutboxPruning> logger)
{
    private const int BatchSize = 1000;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await PruneAsync(cancellationToken);
            await Task.Delay(options.Value.PruneInterval, time, cancellationToken);
        }
    }

    /// <summary>Deletes every delivered row older than the retention; returns how many.</summary>
    public async Task<long> PruneAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - options.Value.DeliveredRetention;
        long pruned = 0;
        int deleted;
        do
        {
            await using var command = dataSource.CreateCommand("""
                delete from outbox
                 where id in (select id from outbox where delivered_at < $1 limit $2 for update skip locked)
                """);
            command.Parameters.Add(new NpgsqlParameter { Value = cutoff });
            command.Parameters.Add(new NpgsqlParameter { Value = BatchSize });
            deleted = await command.ExecuteNonQueryAsync(cancellationToken);
            pruned += deleted;
        }
        while (deleted == BatchSize);

        if (pruned > 0)
        {
            logger.LogInformation("Deleted {Rows} delivered notifications older than {Cutoff:O} from the outbox", pruned, cutoff);
        }

        return pruned;
    }
}
