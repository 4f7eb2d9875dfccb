using Microsoft.Extensions.Logging;
using Npgsql;

namespace Incidents.EventStore.Postgres.Signals;

/// <summary>Holds one connection that LISTENs on the hub's channels and raises them locally; reconnects after failures.</summary>
public sealed class ChangeListener(NpgsqlDataSource dataSource, SignalHub hub, ILogger<ChangeListener> logger)
{
    public async Task RunAsync(IReadOnlyCollection<string> channels, TimeProvider time, CancellationToken cancellationToken)
    {
        var backoff = TimeSpan.FromMilliseconds(200);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
                connection.Notification += (_, args) => hub.Raise(args.Channel);
                foreach (var channel in channels)
                {
                    await using var listen = new NpgsqlCommand($"listen {channel}", connection);
                    await listen.ExecuteNonQueryAsync(cancellationToken);
                }

                // Changes made while we were not listening: wake everyone once.
                foreach (var channel in channels)
                {
                    hub.Raise(channel);
                }

                backoff = TimeSpan.FromMilliseconds(200);
                while (!cancellationToken.IsCancellationRequested)
                {
                    if (!await connection.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken))
                    {
                        // Quiet for a while: prove the connection is still alive rather than wait on a dead socket.
                        await using var ping = new NpgsqlCommand("select 1", connection);
                        await ping.ExecuteScalarAsync(cancellationToken);
                    }
                }
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or IOException)
            {
                logger.LogWarning(e, "Lost the LISTEN connection; reconnecting in {Backoff}", backoff);
                await Task.Delay(backoff, time, cancellationToken);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
            }
        }
    }
}
