using System.Text.Json;
using Incidents.EventStore.Postgres.Serialization;
using Npgsql;

namespace Incidents.EventStore.Postgres.Streams;

/// <summary>Reads rows of the events table into <see cref="RecordedEvent"/>s.</summary>
internal static class EventRows
{
    public const string Columns =
        "position, transaction_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at";

    public static RecordedEvent Read(NpgsqlDataReader reader, EventSerializer serializer)
    {
        var type = reader.GetString(4);
        return new RecordedEvent(
            reader.GetInt64(0),
            reader.GetFieldValue<ulong>(1),
            reader.GetString(2),
            reader.GetInt64(3),
            type,
            reader.GetInt32(5),
            serializer.Deserialize(type, reader.GetString(6)),
            JsonSerializer.Deserialize<EventMetadata>(reader.GetString(7), WireJson.Options)
                ?? throw new JsonException("Event metadata is null."),
            reader.GetFieldValue<DateTimeOffset>(8));
    }
}
