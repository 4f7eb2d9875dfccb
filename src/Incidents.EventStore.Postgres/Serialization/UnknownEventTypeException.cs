namespace Incidents.EventStore.Postgres.Serialization;

/// <summary>A stored event's wire type name is not registered. Reading fails loudly instead of skipping it.</summary>
public sealed class UnknownEventTypeException(string wireName)
    : Exception($"No CLR type is registered for the event type '{wireName}'. Register it before reading this stream.")
{
    public string WireName { get; } = wireName;
}
