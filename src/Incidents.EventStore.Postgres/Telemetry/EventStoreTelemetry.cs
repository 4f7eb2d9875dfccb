using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Incidents.EventStore.Postgres.Telemetry;

/// <summary>Spans and measurements of the event store: appends (their latency, how many events).</summary>
public sealed class EventStoreTelemetry
{
    public const string Name = "Incidents.EventStore";

    /// <summary>Activity sources are process-wide registrations by design; this one holds no state of its own.</summary>
    public static readonly ActivitySource Source = new(Name);

    private readonly Histogram<double>? _appendDuration;
    private readonly Counter<long>? _eventsAppended;

    public EventStoreTelemetry(IMeterFactory? meters = null)
    {
        var meter = meters?.Create(Name);
        _appendDuration = meter?.CreateHistogram<double>("incidents.append.duration", "ms", "Time to commit one unit of work's appends");
        _eventsAppended = meter?.CreateCounter<long>("incidents.events.appended", "{event}", "Events appended to the store");
    }

    public static EventStoreTelemetry None { get; } = new();

    public void Appended(int events, TimeSpan duration)
    {
        _appendDuration?.Record(duration.TotalMilliseconds);
        _eventsAppended?.Add(events);
    }
}
