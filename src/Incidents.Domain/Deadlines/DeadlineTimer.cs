namespace Incidents.Domain.Deadlines;

/// <summary>
/// A durable timer that fires <see cref="Incidents.Commands.EscalateOverdueStep"/> for one escalation of one opening of a step.
/// Its key is unique, so scheduling the same escalation twice stores one timer.
/// </summary>
public sealed record DeadlineTimer(Guid IncidentId, string StepKey, int Generation, int Escalation, DateTimeOffset DueAt)
{
    public string Key => $"{IncidentId:D}/{StepKey}/{Generation}/{Escalation}";

    /// <summary>Every timer of one step shares its group, so completing the step cancels them all at once.</summary>
    public string Group => GroupOf(IncidentId, StepKey);

    public static string GroupOf(Guid incidentId, string stepKey) => $"{incidentId:D}/{stepKey}";
}
