namespace Incidents.Domain.Incidents.Events;

/// <summary>A draft's text changed. Any approval of an earlier revision no longer counts.</summary>
public sealed record StatementRevised(
    Guid IncidentId,
    Guid StatementId,
    int Revision,
    string Text,
    string? LinkUrl,
    string By,
    DateTimeOffset At) : IIncidentEvent;
