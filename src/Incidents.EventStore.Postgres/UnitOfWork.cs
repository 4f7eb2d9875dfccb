using System.Diagnostics;
using System.Text.Json;
using Incidents.EventStore.Postgres.Feed;
using Incidents.EventStore.Postgres.Serialization;
using Incidents.EventStore.Postgres.Signals;
using Incidents.EventStore.Postgres.Streams;
using Incidents.EventStore.Postgres.Telemetry;
using Npgsql;
using NpgsqlTypes;

namespace Incidents.EventStore.Postgres;

/// <summary>
/// Everything one command writes (events, inline read models, timers, outbox messages) committed atomically.
/// Writes are collected and sent as one batch at <see cref="CommitAsync"/>: without an explicit transaction that
/// batch is PostgreSQL's implicit transaction, one round trip; after <see cref="OpenTransactionAsync"/> (for work
/// that must hold row locks first, such as claiming a timer) the batch runs inside that transaction.
/// </summary>
public sealed class UnitOfWork : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly EventSerializer _serializer;
    private readonly TimeProvider _time;
    private readonly ChangePublisher _publisher;
    private readonly EventStoreTelemetry _telemetry;
    private readonly List<NpgsqlBatchCommand> _commands = [];
    private readonly Dictionary<NpgsqlBatchCommand, PendingAppend> _appends = [];
    private readonly HashSet<string> _signals = new(StringComparer.Ordinal);
    private NpgsqlConnection? _connection;
    private NpgsqlTransaction? _transaction;

    internal UnitOfWork(
        NpgsqlDataSource dataSource, EventSerializer serializer, TimeProvider time, ChangePublisher publisher, EventStoreTelemetry telemetry)
    {
        _dataSource = dataSource;
        _serializer = serializer;
        _time = time;
        _publisher = publisher;
        _telemetry = telemetry;
    }

    public bool IsEmpty => _commands.Count == 0;

    /// <summary>The explicit transaction, once <see cref="OpenTransactionAsync"/> has opened it.</summary>
    public NpgsqlTransaction? Transaction => _transaction;

    public void Append(string streamId, ExpectedVersion expected, IReadOnlyList<object> events, EventMetadata metadata)
    {
        if (events.Count == 0)
        {
            throw new ArgumentException("An append needs at least one event; decide NoChange instead of appending nothing.", nameof(events));
        }

        var serialized = events.Select(_serializer.Serialize).ToList();
        var command = new NpgsqlBatchCommand(
            "select event_position, event_transaction_id, event_stream_version from append_events($1, $2, $3, $4, $5, $6, $7)")
        {
            Parameters =
            {
                new() { Value = streamId },
                new() { Value = expected.Value },
                new() { Value = serialized.Select(e => e.Type).ToArray() },
                new() { Value = serialized.Select(e => e.SchemaVersion).ToArray() },
                new() { Value = serialized.Select(e => e.Json).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb },
                new() { Value = JsonSerializer.Serialize(metadata, WireJson.Options), NpgsqlDbType = NpgsqlDbType.Jsonb },
                new() { Value = _time.GetUtcNow() },
            },
        };
        _appends[command] = new PendingAppend(streamId, expected, events.Count);
        _commands.Add(command);
        _signals.Add(SignalChannels.Events);
    }

    /// <summary>Adds a statement (read model, timer, outbox, idempotency record) to the same atomic batch.</summary>
    public void Add(NpgsqlBatchCommand command) => _commands.Add(command);

    /// <summary>Wakes this node's, and other nodes', readers of <paramref name="channel"/> once the work has committed.</summary>
    public void SignalAfterCommit(string channel) => _signals.Add(channel);

    /// <summary>Opens an explicit transaction for work that must lock rows before the batch (a timer claim).</summary>
    public async Task<NpgsqlConnection> OpenTransactionAsync(CancellationToken cancellationToken)
    {
        if (_transaction is null)
        {
            _connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            _transaction = await _connection.BeginTransactionAsync(cancellationToken);
        }

        return _connection!;
    }

    public async Task<IReadOnlyList<AppendResult>> CommitAsync(CancellationToken cancellationToken)
    {
        using var activity = _appends.Count > 0 ? EventStoreTelemetry.Source.StartActivity("append", ActivityKind.Client) : null;
        activity?.SetTag("db.system", "postgresql");
        activity?.SetTag("incidents.streams", string.Join(",", _appends.Values.Select(a => a.StreamId).Distinct()));
        activity?.SetTag("incidents.events", _appends.Values.Sum(a => a.Count));
        var started = _time.GetTimestamp();
        var results = new List<AppendResult>();
        if (_commands.Count > 0)
        {
            var connection = _connection ?? await _dataSource.OpenConnectionAsync(cancellationToken);
            try
            {
                await using var batch = new NpgsqlBatch(connection, _transaction);
                foreach (var command in _commands)
                {
                    batch.BatchCommands.Add(command);
                }

                await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
                foreach (var command in _commands)
                {
                    if (_appends.TryGetValue(command, out var append))
                    {
                        results.Add(await ReadAppendResult(reader, append, cancellationToken));
                    }

                    await reader.NextResultAsync(cancellationToken);
                }
            }
            catch (PostgresException e) when (e.SqlState == WrongExpectedVersionException.SqlState)
            {
                var failed = e.BatchCommand is { } batchCommand && _appends.TryGetValue(batchCommand, out var append)
                    ? append
                    : _appends.Values.First();
                throw new WrongExpectedVersionException(failed.StreamId, failed.Expected);
            }
            finally
            {
                if (_connection is null)
                {
                    await connection.DisposeAsync();
                }
            }
        }

        if (_transaction is not null)
        {
            await _transaction.CommitAsync(cancellationToken);
        }

        if (_appends.Count > 0)
        {
            _telemetry.Appended(_appends.Values.Sum(a => a.Count), _time.GetElapsedTime(started));
        }

        foreach (var channel in _signals)
        {
            _publisher.Publish(channel);
        }

        return results;
    }

    public async ValueTask DisposeAsync()
    {
        if (_transaction is not null)
        {
            await _transaction.DisposeAsync();
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }

    private static async Task<AppendResult> ReadAppendResult(
        NpgsqlDataReader reader, PendingAppend append, CancellationToken cancellationToken)
    {
        FeedPosition? first = null;
        FeedPosition last = default;
        long version = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            last = new FeedPosition(reader.GetFieldValue<ulong>(1), reader.GetInt64(0));
            first ??= last;
            version = reader.GetInt64(2);
        }

        return new AppendResult(append.StreamId, version, first ?? last, last);
    }

    private sealed record PendingAppend(string StreamId, ExpectedVersion Expected, int Count);
}
