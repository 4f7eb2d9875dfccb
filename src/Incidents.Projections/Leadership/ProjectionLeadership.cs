using Incidents.Projections.Runner;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Incidents.Projections.Leadership;

/// <summary>
/// Elects one node per projection with a session advisory lock. The lock lives on a connection of its own that the
/// server drops when the node goes quiet (idle_session_timeout, TCP keepalives), so a dead node's lock does not block
/// takeover for the kernel's TCP timeout; the leader's heartbeat makes it step down when it can no longer prove the
/// connection alive. Lock connections bypass the pool: closing one must end its session, never park the lock in a pool.
/// </summary>
public sealed class ProjectionLeadership : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly ProjectionRunnerOptions _options;
    private readonly ILogger<ProjectionLeadership> _logger;

    public ProjectionLeadership(string connectionString, ProjectionRunnerOptions options, ILogger<ProjectionLeadership> logger)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConnectionStringBuilder.Pooling = false;
        builder.ConnectionStringBuilder.ApplicationName = "incidents-projection-leader";

        // Lock attempts and heartbeats every second or two are not work anyone wants in a trace.
        builder.ConfigureTracing(tracing => tracing.ConfigureCommandFilter(_ => false));
        _dataSource = builder.Build();
        _options = options;
        _logger = logger;
    }

    /// <summary>Waits until this node holds the projection's lock.</summary>
    public async Task<LeadershipLease> AcquireAsync(string projection, CancellationToken cancellationToken)
    {
        var key = LeadershipLockKey.For(projection);
        var backoff = _options.LeadershipPoll;
        while (true)
        {
            NpgsqlConnection? connection = null;
            try
            {
                connection = await _dataSource.OpenConnectionAsync(cancellationToken);
                await PrepareSessionAsync(connection, cancellationToken);
                while (true)
                {
                    await using (var tryLock = new NpgsqlCommand("select pg_try_advisory_lock($1, $2)", connection))
                    {
                        tryLock.Parameters.Add(new() { Value = key.Namespace });
                        tryLock.Parameters.Add(new() { Value = key.Key });
                        if ((bool)(await tryLock.ExecuteScalarAsync(cancellationToken))!)
                        {
                            var lease = new LeadershipLease(projection, connection, key, _options.Heartbeat, _options.HeartbeatTimeout, _logger);
                            connection = null;
                            return lease;
                        }
                    }

                    await Task.Delay(_options.LeadershipPoll, TimeProvider.System, cancellationToken);
                }
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException && !cancellationToken.IsCancellationRequested)
            {
                _logger.LogWarning(e, "Could not contend for projection {Projection}; retrying in {Backoff}", projection, backoff);
                await Task.Delay(backoff, TimeProvider.System, cancellationToken);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
            }
            finally
            {
                if (connection is not null)
                {
                    await connection.DisposeAsync();
                }
            }
        }
    }

    private async Task PrepareSessionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var idle = (int)_options.LockSessionTimeout.TotalMilliseconds;
        var keepalive = Math.Max(1, (int)_options.Heartbeat.TotalSeconds);
        await using var command = new NpgsqlCommand(
            $"set idle_session_timeout = {idle}; set tcp_keepalives_idle = {keepalive}; " +
            $"set tcp_keepalives_interval = {keepalive}; set tcp_keepalives_count = 3",
            connection);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedObject)
        {
            // PostgreSQL before 14 has no idle_session_timeout; the heartbeat and keepalives still apply.
            _logger.LogWarning("This PostgreSQL cannot time out idle lock sessions; a vanished node frees its projections only after TCP keepalives");
        }
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
