using System.Diagnostics;
using Incidents.Api.Pipeline;
using Incidents.Api.Telemetry;
using Incidents.Domain.Incidents;

namespace Incidents.Api.Deadlines;

/// <summary>
/// The "fire timer" spans of one claimed batch: one per timer, each continuing the trace of the command that scheduled
/// the timer, and open until the batch commits or fails, since the firing happens at the commit.
/// </summary>
public sealed class TimerFiringSpans : IDisposable
{
    private readonly List<(DueTimer Timer, Activity Span)> _spans = [];

    /// <summary>
    /// Starts the span of <paramref name="timer"/> and makes it current until the returned scope ends, so that the
    /// decision, and the trace parent stored with the events and with the next rung's timer, belong to it.
    /// </summary>
    public Scope Enter(DueTimer timer, DateTimeOffset now)
    {
        var previous = Activity.Current;
        var span = IncidentsTracing.StartFollowing("fire timer", timer.TraceParent);
        if (span is null)
        {
            return new Scope(previous);
        }

        span.SetTag("incident.id", IncidentId.TryParseStreamId(timer.StreamId, out var incident) ? incident.ToString() : null);
        span.SetTag("incidents.timer.key", timer.Key);
        span.SetTag("incidents.timer.type", timer.MessageType);
        span.SetTag("incidents.timer.attempts", timer.Attempts);
        span.SetTag("incidents.timer.lag_ms", Math.Round((now - timer.DueAt).TotalMilliseconds));
        _spans.Add((timer, span));
        return new Scope(previous);
    }

    public void Loaded(DueTimer timer, LoadedIncident incident)
    {
        if (incident.Version > 0)
        {
            Find(timer)?.SetTag("incident.kind", global::Incidents.Projections.WireName.Of(incident.State.Kind));
        }
    }

    public void Decided(DueTimer timer, string outcome) => Find(timer)?.SetTag("incidents.outcome", outcome);

    public void Postponed(DueTimer timer, Exception error) =>
        Find(timer)?.SetTag("incidents.outcome", "postponed").SetStatus(ActivityStatusCode.Error, error.Message);

    /// <summary>While a batch of one timer commits, its append belongs to that timer's trace; with several, to none of them.</summary>
    public Scope Committing()
    {
        var previous = Activity.Current;
        if (_spans.Count == 1)
        {
            Activity.Current = _spans[0].Span;
        }

        return new Scope(previous);
    }

    public void Failed(Exception error)
    {
        foreach (var (_, span) in _spans)
        {
            span.SetStatus(ActivityStatusCode.Error, error.Message);
        }
    }

    public void Dispose()
    {
        // Stopping an activity makes its parent current; the caller's current activity must stay what it was.
        var current = Activity.Current;
        foreach (var (_, span) in _spans)
        {
            span.Dispose();
        }

        _spans.Clear();
        Activity.Current = current;
    }

    private Activity? Find(DueTimer timer) => _spans.FirstOrDefault(s => ReferenceEquals(s.Timer, timer)).Span;

    /// <summary>Restores the activity that was current before, when the caller's work under a span is done.</summary>
    public readonly struct Scope(Activity? previous) : IDisposable
    {
        public void Dispose() => Activity.Current = previous;
    }
}
