using System.Text.Json;
using Incidents.Domain.Deadlines;
using Incidents.Domain.Incidents;
using Incidents.EventStore.Postgres;
using Incidents.EventStore.Postgres.Serialization;
using Incidents.EventStore.Postgres.Timers;

namespace Incidents.Api.Pipeline;

/// <summary>Schedules and cancels the deadline timers that the events imply, in the events' own transaction.</summary>
public sealed class DeadlineTimerWrites : IIncidentWriteParticipant
{
    public void Contribute(UnitOfWork unit, IncidentChange change)
    {
        var plan = DeadlinePlanner.Plan(change.Runbook, change.Events);
        var streamId = new IncidentId(change.After.Id).StreamId;
        foreach (var cancellation in plan.Cancellations)
        {
            if (cancellation.StepKey is { } stepKey)
            {
                unit.CancelGroup(DeadlineTimer.GroupOf(cancellation.IncidentId, stepKey));
            }
            else
            {
                unit.CancelStream(streamId);
            }
        }

        foreach (var timer in plan.Schedule)
        {
            var payload = JsonSerializer.Serialize(EscalationTimerMessage.From(timer), WireJson.Options);
            unit.Schedule(
                new ScheduledMessage(
                    timer.Key, streamId, timer.Group, timer.DueAt, EscalationTimerMessage.MessageType, payload, change.TraceParent),
                change.Now);
        }
    }
}
