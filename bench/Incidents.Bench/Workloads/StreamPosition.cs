using Incidents.EventStore.Postgres;
using Incidents.EventStore.Postgres.Streams;

namespace Incidents.Bench.Workloads;

/// <summary>
/// One benchmark client's place in its own stream: each call appends the next events with the expected version it
/// knows, and a stream that has grown to <see cref="EventsPerStream"/> is left for a new one, as incidents come and go.
/// The raw baselines use the same stream ids and versions.
/// </summary>
public sealed class StreamPosition
{
    public const int EventsPerStream = 1_000;

    public string StreamId { get; private set; } = SamplePayload.NewStreamId();

    public long Version { get; private set; }

    /// <summary>Moves on by <paramref name="events"/>; returns the stream and the first version to write.</summary>
    public (string StreamId, long FirstVersion) Next(int events)
    {
        if (Version + events > EventsPerStream)
        {
            StreamId = SamplePayload.NewStreamId();
            Version = 0;
        }

        var first = Version + 1;
        Version += events;
        return (StreamId, first);
    }

    /// <summary>Appends <paramref name="events"/> copies of the sample event through the store, expecting the stream where this writer left it.</summary>
    public async Task AppendAsync(PostgresEventStore store, SamplePayload payload, IReadOnlyList<object> events, CancellationToken cancellationToken)
    {
        var (stream, first) = Next(events.Count);
        var expected = first == 1 ? ExpectedVersion.NoStream : ExpectedVersion.Exactly(first - 1);
        await store.AppendAsync(stream, expected, events, payload.Metadata, cancellationToken);
    }
}
