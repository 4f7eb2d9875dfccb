namespace Incidents.Domain.Incidents;

/// <summary>The identity of an incident and of its event stream.</summary>
public readonly record struct IncidentId(Guid Value)
{
    private const string StreamPrefix = "incident-";

    public string StreamId => StreamPrefix + Value.ToString("D");

    public static IncidentId New() => new(Guid.CreateVersion7());

    public static bool TryParseStreamId(string streamId, out IncidentId id)
    {
        id = default;
        if (!streamId.StartsWith(StreamPrefix, StringComparison.Ordinal) ||
            !Guid.TryParse(streamId.AsSpan(StreamPrefix.Length), out var guid))
        {
            return false;
        }

        id = new IncidentId(guid);
        return true;
    }

    public override string ToString() => Value.ToString("D");
}
