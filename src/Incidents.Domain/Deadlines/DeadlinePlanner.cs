using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Runbooks;

namespace Incidents.Domain.Deadlines;

/// <summary>
/// Derives deadline timers from events: an opened step schedules its first escalation; each escalation schedules the
/// next rung (or the repeat); a completed or waived step, or a closed incident, cancels what is pending.
/// </summary>
public static class DeadlinePlanner
{
    public static TimerPlan Plan(Runbook runbook, IEnumerable<IIncidentEvent> events)
    {
        var cancels = new List<TimerCancellation>();
        var schedule = new List<DeadlineTimer>();

        void Cancel(TimerCancellation cancellation)
        {
            schedule.RemoveAll(cancellation.Covers);
            cancels.Add(cancellation);
        }

        foreach (var e in events)
        {
            switch (e)
            {
                case StepOpened o when runbook.Step(o.StepKey) is { } step:
                    Cancel(new TimerCancellation(o.IncidentId, o.StepKey));
                    schedule.Add(new DeadlineTimer(o.IncidentId, o.StepKey, o.Generation, 1, o.DueAt + step.Ladder.DelayBefore(1)));
                    break;
                case StepEscalated x when runbook.Step(x.StepKey) is { } step:
                    var next = x.Escalation + 1;
                    schedule.Add(new DeadlineTimer(x.IncidentId, x.StepKey, x.Generation, next, x.At + step.Ladder.DelayBefore(next)));
                    break;
                case StepCompleted c:
                    Cancel(new TimerCancellation(c.IncidentId, c.StepKey));
                    break;
                case StepWaived w:
                    Cancel(new TimerCancellation(w.IncidentId, w.StepKey));
                    break;
                case IncidentClosed c:
                    Cancel(new TimerCancellation(c.IncidentId, null));
                    break;
            }
        }

        return cancels.Count == 0 && schedule.Count == 0 ? TimerPlan.Empty : new TimerPlan(cancels, schedule);
    }
}
