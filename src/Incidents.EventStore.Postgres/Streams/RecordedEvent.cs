using Incidents.EventStore.Postgres.Feed;

namespace Incidents.EventStore.Postgres.Streams;

public sealed record RecordedEvent(
    long Position,
    ulong TransactionId,
    string StreamId,
    long StreamVersion,
    string Type,
    int SchemaVersion,
    object Data,
    EventMetadata Metadata,
    DateTimeOffset RecordedAt)
{
    public FeedPosition FeedPosition => new(TransactionId, Position);
}
