namespace Incidents.Domain.Incidents.Events;

public sealed record StatementPublished(
    Guid IncidentId,
    Guid StatementId,
    int Revision,
    string? PublishedUrl,
    string By,
    DateTimeOffset At) : IIncidentEvent;
