using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Incidents.EventStore.Postgres.Signals;

/// <summary>
/// Tells this node at once, and other nodes through NOTIFY, that something changed. NOTIFY is sent after commit
/// from its own short statement, never inside the writing transaction: PostgreSQL serialises the commits of all
/// notifying transactions, which would undo group commit under concurrent appends. Bursts coalesce into one NOTIFY
/// per channel; a lost notification only delays readers until their next poll.
/// </summary>
public sealed class ChangePublisher(NpgsqlDataSource dataSource, SignalHub hub, ILogger<ChangePublisher> logger)
{
    private readonly ConcurrentDictionary<string, byte> _pending = new(StringComparer.Ordinal);
    private readonly AsyncSignal _work = new();

    public void Publish(string channel)
    {
        hub.Raise(channel);
        _pending[channel] = 0;
        _work.Set();
    }

    /// <summary>Sends pending notifications until cancelled; hosted by the service.</summary>
    public async Task RunAsync(TimeProvider time, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await _work.WaitAsync(TimeSpan.FromSeconds(30), time, cancellationToken);
            var channels = _pending.Keys.ToList();
            foreach (var channel in channels)
            {
                _pending.TryRemove(channel, out _);
            }

            if (channels.Count == 0)
            {
                continue;
            }

            try
            {
                await using var batch = dataSource.CreateBatch();
                foreach (var channel in channels)
                {
                    batch.BatchCommands.Add(new NpgsqlBatchCommand("select pg_notify($1, '')") { Parameters = { new() { Value = channel } } });
                }

                await batch.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                logger.LogWarning(e, "Could not notify other nodes of changes on {Channels}; they will see them at their next poll", channels);
            }
        }
    }
}
