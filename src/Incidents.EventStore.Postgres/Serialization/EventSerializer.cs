using System.Text.Json;

namespace Incidents.EventStore.Postgres.Serialization;

public sealed record SerializedEvent(string Type, int SchemaVersion, string Json);

public sealed class EventSerializer(EventTypeRegistry registry)
{
    public EventTypeRegistry Registry => registry;

    public SerializedEvent Serialize(object @event)
    {
        var (name, schemaVersion) = registry.WireNameOf(@event.GetType());
        return new SerializedEvent(name, schemaVersion, JsonSerializer.Serialize(@event, @event.GetType(), WireJson.Options));
    }

    public object Deserialize(string wireName, string json) =>
        JsonSerializer.Deserialize(json, registry.TypeOf(wireName), WireJson.Options)
        ?? throw new JsonException($"Event of type '{wireName}' deserialised to null.");
}
