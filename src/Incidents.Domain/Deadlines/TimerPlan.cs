namespace Incidents.Domain.Deadlines;

/// <summary>
/// What the events of one command do to deadline timers. The store cancels first, then schedules, in the same
/// transaction as the events.
/// </summary>
public sealed record TimerPlan(IReadOnlyList<TimerCancellation> Cancellations, IReadOnlyList<DeadlineTimer> Schedule)
{
    public static TimerPlan Empty { get; } = new([], []);

    public bool IsEmpty => Cancellations.Count == 0 && Schedule.Count == 0;
}
