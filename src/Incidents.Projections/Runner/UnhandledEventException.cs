namespace Incidents.Projections.Runner;

/// <summary>A projection met an event it has no rule for. The runner stops the projection there instead of skipping it.</summary>
public sealed class UnhandledEventException(string projection, string eventType, string reason)
    : Exception($"Projection '{projection}' cannot handle '{eventType}': {reason}")
{
    public string EventType { get; } = eventType;
}
