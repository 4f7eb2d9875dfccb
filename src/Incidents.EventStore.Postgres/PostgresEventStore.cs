using Incidents.EventStore.Postgres.Resilience;
using Incidents.EventStore.Postgres.Serialization;
using Incidents.EventStore.Postgres.Signals;
using Incidents.EventStore.Postgres.Streams;
using Incidents.EventStore.Postgres.Telemetry;
using Npgsql;

namespace Incidents.EventStore.Postgres;

public sealed class PostgresEventStore(
    NpgsqlDataSource dataSource, EventSerializer serializer, TimeProvider time, ChangePublisher publisher, TransientFaultRetry retry,
    EventStoreTelemetry? telemetry = null)
{
    private const string ReadStreamSql = $"""
        select {EventRows.Columns}
          from events
         where stream_id = @stream_id and stream_version > @after
         order by stream_version
        """;

    private const string ReadStreamsSql = $"""
        select {EventRows.Columns}
          from events
         where stream_id = any(@stream_ids)
         order by stream_id, stream_version
        """;

    public UnitOfWork BeginUnitOfWork() => new(dataSource, serializer, time, publisher, telemetry ?? EventStoreTelemetry.None);

    /// <summary>The events of one stream after <paramref name="afterVersion"/> (0: all), in order; empty when there is no stream.</summary>
    public Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(string streamId, long afterVersion, CancellationToken cancellationToken) =>
        retry.ExecuteAsync(async token =>
        {
            await using var command = dataSource.CreateCommand(ReadStreamSql);
            command.Parameters.AddWithValue("stream_id", streamId);
            command.Parameters.AddWithValue("after", afterVersion);
            await using var reader = await command.ExecuteReaderAsync(token);
            var events = new List<RecordedEvent>();
            while (await reader.ReadAsync(token))
            {
                events.Add(EventRows.Read(reader, serializer));
            }

            return (IReadOnlyList<RecordedEvent>)events;
        }, cancellationToken);

    /// <summary>
    /// The events of several streams in one round trip, each stream's in order; a stream that does not exist is absent
    /// from the answer. For work that handles many streams at once (a batch of due timers).
    /// </summary>
    public Task<IReadOnlyDictionary<string, IReadOnlyList<RecordedEvent>>> ReadStreamsAsync(
        IReadOnlyCollection<string> streamIds, CancellationToken cancellationToken) =>
        retry.ExecuteAsync(async token =>
        {
            await using var command = dataSource.CreateCommand(ReadStreamsSql);
            command.Parameters.AddWithValue("stream_ids", streamIds.ToArray());
            await using var reader = await command.ExecuteReaderAsync(token);
            var streams = new Dictionary<string, IReadOnlyList<RecordedEvent>>(StringComparer.Ordinal);
            while (await reader.ReadAsync(token))
            {
                var recorded = EventRows.Read(reader, serializer);
                if (!streams.TryGetValue(recorded.StreamId, out var events))
                {
                    streams[recorded.StreamId] = events = new List<RecordedEvent>();
                }

                ((List<RecordedEvent>)events).Add(recorded);
            }

            return (IReadOnlyDictionary<string, IReadOnlyList<RecordedEvent>>)streams;
        }, cancellationToken);

    /// <summary>Appends to one stream in its own unit of work.</summary>
    public async Task<AppendResult> AppendAsync(
        string streamId, ExpectedVersion expected, IReadOnlyList<object> events, EventMetadata metadata, CancellationToken cancellationToken)
    {
        await using var unit = BeginUnitOfWork();
        unit.Append(streamId, expected, events, metadata);
        var results = await unit.CommitAsync(cancellationToken);
        return results[0];
    }

    /// <summary>Whether any event of <paramref name="streamId"/> was caused by <paramref name="causationId"/>: a retried command that already committed.</summary>
    public Task<bool> HasCausationAsync(string streamId, string causationId, CancellationToken cancellationToken) =>
        retry.ExecuteAsync(async token =>
        {
            await using var command = dataSource.CreateCommand(
                "select exists (select 1 from events where stream_id = @stream_id and metadata->>'causationId' = @causation_id)");
            command.Parameters.AddWithValue("stream_id", streamId);
            command.Parameters.AddWithValue("causation_id", causationId);
            return (bool)(await command.ExecuteScalarAsync(token))!;
        }, cancellationToken);
}
