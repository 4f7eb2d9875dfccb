namespace Incidents.Domain.Incidents.Events;

/// <summary>Posts removed from one of our accounts: unauthorised ones after a takeover, or our own wrong post.</summary>
public sealed record PostsDeleted(
    Guid IncidentId,
    IReadOnlyList<string> PostUrls,
    string? Note,
    string By,
    DateTimeOffset At) : IIncidentEvent;
