namespace Incidents.Domain.Incidents.Events;

/// <summary>
/// A duplicate incident was merged into this one, which carries on the response. <paramref name="Incidents"/> are the
/// duplicate and any it had absorbed itself; <paramref name="Reports"/> are all their reports, which join this one.
/// </summary>
public sealed record IncidentMerged(
    Guid IncidentId,
    Guid DuplicateId,
    IReadOnlyList<MergedIncident> Incidents,
    IReadOnlyList<ReceivedReport> Reports,
    string? Reason,
    string By,
    DateTimeOffset At) : IIncidentEvent;
