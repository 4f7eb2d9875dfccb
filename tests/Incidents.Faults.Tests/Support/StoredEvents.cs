using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Incidents;
using Incidents.EventStore.Postgres.Serialization;
using Npgsql;

namespace Incidents.Faults.Tests.Support;

/// <summary>An incident event as the events table holds it, read straight from the table rather than through the service.</summary>
public sealed record StoredEvent(Guid IncidentId, long Version, string Type, IIncidentEvent Event, DateTimeOffset RecordedAt);

/// <summary>Reads incident streams from the events table with the service's own wire names and serializer.</summary>
public static class StoredEvents
{
    private static readonly EventSerializer Serializer =
        new(new EventTypeRegistry().Register(IncidentEventTypes.ByWireName, IncidentEventTypes.SchemaVersion));

    public static async Task<IReadOnlyList<StoredEvent>> ReadAsync(string connectionString, Guid incidentId) =>
        (await ReadAllAsync(connectionString, new IncidentId(incidentId).StreamId)).ToList();

    /// <summary>Every incident event in the database (or of one stream), in stream order.</summary>
    public static async Task<IReadOnlyList<StoredEvent>> ReadAllAsync(string connectionString, string? streamId = null)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            select stream_id, stream_version, type, data::text, recorded_at from events
             where stream_id like 'incident-%' and ($1::text is null or stream_id = $1)
             order by stream_id, stream_version
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)streamId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        var events = new List<StoredEvent>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var type = reader.GetString(2);
            events.Add(new StoredEvent(
                Guid.Parse(reader.GetString(0)["incident-".Length..]), reader.GetInt64(1), type,
                (IIncidentEvent)Serializer.Deserialize(type, reader.GetString(3)), reader.GetFieldValue<DateTimeOffset>(4)));
        }

        return events;
    }
}
