namespace Incidents.Domain.Deadlines;

/// <summary>Cancels the pending timers of one step, or of the whole incident when <paramref name="StepKey"/> is null.</summary>
public sealed record TimerCancellation(Guid IncidentId, string? StepKey)
{
    public bool Covers(DeadlineTimer timer) =>
        timer.IncidentId == IncidentId && (StepKey is null || timer.StepKey == StepKey);
}
