using System.Diagnostics.Metrics;

namespace Incidents.Api.Deadlines;

/// <summary>
/// What the timer worker of this node has done: OpenTelemetry instruments for dashboards, plus running totals that
/// health checks and tests read.
/// </summary>
public sealed class DeadlineTimerMetrics
{
    public const string MeterName = "Incidents.Deadlines";
    public const string LatencyInstrument = "incidents.timers.fire_latency";

    private readonly Histogram<double> _latency;
    private readonly Counter<long> _fired;
    private readonly Counter<long> _failed;
    private long _firedTotal;
    private long _escalatedTotal;
    private long _failedTotal;
    private long _conflictsTotal;

    public DeadlineTimerMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _latency = meter.CreateHistogram<double>(
            LatencyInstrument, "ms", "From a timer's due time until the transaction that fired it committed.");
        _fired = meter.CreateCounter<long>("incidents.timers.fired", description: "Timers fired, by what their command decided.");
        _failed = meter.CreateCounter<long>("incidents.timers.failed", description: "Timer firings that failed and were postponed.");
    }

    public long Fired => Interlocked.Read(ref _firedTotal);

    public long Escalated => Interlocked.Read(ref _escalatedTotal);

    public long Failed => Interlocked.Read(ref _failedTotal);

    public long Conflicts => Interlocked.Read(ref _conflictsTotal);

    public void RecordFired(TimeSpan latency, bool escalated)
    {
        Interlocked.Increment(ref _firedTotal);
        var outcome = escalated ? "escalated" : "unchanged";
        if (escalated)
        {
            Interlocked.Increment(ref _escalatedTotal);
        }

        _fired.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        _latency.Record(latency.TotalMilliseconds, new KeyValuePair<string, object?>("outcome", outcome));
    }

    public void RecordFailed()
    {
        Interlocked.Increment(ref _failedTotal);
        _failed.Add(1);
    }

    public void RecordConflict() => Interlocked.Increment(ref _conflictsTotal);
}
