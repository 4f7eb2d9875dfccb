namespace Incidents.Domain.Incidents.Events;

public sealed record StatementDrafted(
    Guid IncidentId,
    Guid StatementId,
    StatementKind Kind,
    IReadOnlyList<StatementChannel> Channels,
    string Text,
    string? LinkUrl,
    Guid? Corrects,
    string By,
    DateTimeOffset At) : IIncidentEvent;
