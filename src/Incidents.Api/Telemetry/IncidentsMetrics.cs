using System.Diagnostics.Metrics;
using Incidents.Domain.Incidents.Events;
using Incidents.Projections;

namespace Incidents.Api.Telemetry;

/// <summary>The service's measurements, on the meter "Incidents.Api".</summary>
public sealed class IncidentsMetrics
{
    private readonly Counter<long> _opened;
    private readonly Counter<long> _escalations;
    private readonly Histogram<double> _commandDuration;

    public IncidentsMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(IncidentsTracing.Name);
        _opened = meter.CreateCounter<long>("incidents.opened", "{incident}", "Incidents reported, by kind");
        _escalations = meter.CreateCounter<long>("incidents.escalations", "{escalation}", "Overdue steps escalated, by kind and ladder level");
        _commandDuration = meter.CreateHistogram<double>("incidents.command.duration", "ms", "Time to decide and commit a command, by command and outcome");
    }

    public void CommandCompleted(string command, string outcome, TimeSpan duration) =>
        _commandDuration.Record(duration.TotalMilliseconds, new("command", command), new("outcome", outcome));

    public void Committed(IEnumerable<IIncidentEvent> events, string kind)
    {
        foreach (var e in events)
        {
            switch (e)
            {
                case IncidentReported reported:
                    _opened.Add(1, new KeyValuePair<string, object?>("kind", WireName.Of(reported.Kind)));
                    break;
                case StepEscalated escalated:
                    _escalations.Add(1, new("kind", kind), new("level", escalated.Level));
                    break;
            }
        }
    }
}
