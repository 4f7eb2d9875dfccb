using System.Diagnostics.Metrics;

namespace Incidents.Projections.Status;

/// <summary>
/// The projections' instruments (meter "Incidents.Projections"): lag from append to read model per event, events
/// applied, and each checkpoint's position and leadership as gauges, for dotnet-counters or an OpenTelemetry exporter.
/// </summary>
public sealed class ProjectionMetrics : IDisposable
{
    public const string MeterName = "Incidents.Projections";

    private readonly Meter _meter;
    private readonly Histogram<double> _lag;
    private readonly Counter<long> _applied;

    public ProjectionMetrics(ProjectionRuntime runtime)
    {
        _meter = new Meter(MeterName);
        _lag = _meter.CreateHistogram<double>(
            "incidents.projection.lag", "s", "From an event's append to the commit of the projection batch that applied it.");
        _applied = _meter.CreateCounter<long>("incidents.projection.events_applied", "{event}", "Events applied by this node.");
        _meter.CreateObservableGauge(
            "incidents.projection.checkpoint_position",
            () => runtime.Snapshot()
                .Where(p => p.Value.Checkpoint is not null)
                .Select(p => new Measurement<long>(p.Value.Checkpoint!.Value.Position, new KeyValuePair<string, object?>("projection", p.Key))),
            "{position}", "The feed position of the last event applied.");
        _meter.CreateObservableGauge(
            "incidents.projection.leader",
            () => runtime.Snapshot().Select(p => new Measurement<int>(p.Value.IsLeader ? 1 : 0, new KeyValuePair<string, object?>("projection", p.Key))),
            description: "1 where this node runs the projection.");
    }

    public void Applied(string projection, IEnumerable<TimeSpan> lags)
    {
        var tag = new KeyValuePair<string, object?>("projection", projection);
        var count = 0;
        foreach (var lag in lags)
        {
            _lag.Record(lag.TotalSeconds, tag);
            count++;
        }

        _applied.Add(count, tag);
    }

    public void Dispose() => _meter.Dispose();
}
