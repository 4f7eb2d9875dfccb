namespace Incidents.Projections.Overdue;

/// <summary>A step past its deadline, with what the queue needs to say whose it is.</summary>
public sealed record OverdueStep(
    Guid IncidentId,
    string StepKey,
    DateTimeOffset DueAt,
    TimeSpan OverdueBy,
    int EscalationLevel,
    string? Assignee,
    string Kind,
    string AccountHandle,
    string? Department);
