using Microsoft.Extensions.Logging;
using Npgsql;

namespace Incidents.Projections.Leadership;

/// <summary>
/// Holds one projection's session advisory lock on a dedicated connection and proves it alive with a heartbeat.
/// <see cref="Lost"/> fires when the heartbeat fails: the lock may be gone, so the holder must stop writing.
/// </summary>
public sealed class LeadershipLease : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly LeadershipLockKey _key;
    private readonly CancellationTokenSource _lost = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _heartbeat;
    private readonly ILogger _logger;

    internal LeadershipLease(
        string projection, NpgsqlConnection connection, LeadershipLockKey key, TimeSpan every, TimeSpan timeout, ILogger logger)
    {
        Projection = projection;
        _connection = connection;
        _key = key;
        _logger = logger;
        _heartbeat = BeatAsync(every, timeout);
    }

    public string Projection { get; }

    public CancellationToken Lost => _lost.Token;

    /// <summary>The backend that holds the lock; tests end it to play a node that vanished.</summary>
    public int ProcessId => _connection.ProcessID;

    private async Task BeatAsync(TimeSpan every, TimeSpan timeout)
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                await Task.Delay(every, TimeProvider.System, _stop.Token);
                using var deadline = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                deadline.CancelAfter(timeout);
                await using var ping = new NpgsqlCommand("select 1", _connection);
                await ping.ExecuteScalarAsync(deadline.Token);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            _logger.LogWarning(e, "Lost the leadership connection of projection {Projection}; stepping down", Projection);
            await _lost.CancelAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _heartbeat;
        if (!_lost.IsCancellationRequested && _connection.FullState == System.Data.ConnectionState.Open)
        {
            try
            {
                await using var unlock = new NpgsqlCommand("select pg_advisory_unlock($1, $2)", _connection);
                unlock.Parameters.Add(new() { Value = _key.Namespace });
                unlock.Parameters.Add(new() { Value = _key.Key });
                unlock.CommandTimeout = 5;
                await unlock.ExecuteNonQueryAsync();
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                _logger.LogWarning(e, "Could not release the lock of projection {Projection}; it goes with its connection", Projection);
            }
        }

        await _connection.DisposeAsync();
        _lost.Dispose();
        _stop.Dispose();
    }
}
