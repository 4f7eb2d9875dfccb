namespace Incidents.EventStore.Postgres.Serialization;

/// <summary>Maps stable wire names to CLR types and back, with each type's current schema version.</summary>
public sealed class EventTypeRegistry
{
    private readonly Dictionary<string, Type> _typesByName = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, (string Name, int SchemaVersion)> _namesByType = [];

    public EventTypeRegistry Register(IReadOnlyDictionary<string, Type> typesByWireName, int schemaVersion)
    {
        foreach (var (name, type) in typesByWireName)
        {
            if (!_typesByName.TryAdd(name, type) || !_namesByType.TryAdd(type, (name, schemaVersion)))
            {
                throw new InvalidOperationException($"Event type '{name}' ({type.Name}) is registered twice.");
            }
        }

        return this;
    }

    public IReadOnlyCollection<string> WireNames => _typesByName.Keys;

    public (string Name, int SchemaVersion) WireNameOf(Type type) =>
        _namesByType.TryGetValue(type, out var entry)
            ? entry
            : throw new InvalidOperationException($"{type.Name} has no wire name; add it to its module's event types.");

    public Type TypeOf(string wireName) =>
        _typesByName.TryGetValue(wireName, out var type) ? type : throw new UnknownEventTypeException(wireName);
}
