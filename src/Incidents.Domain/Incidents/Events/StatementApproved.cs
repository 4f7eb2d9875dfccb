namespace Incidents.Domain.Incidents.Events;

public sealed record StatementApproved(
    Guid IncidentId,
    Guid StatementId,
    int Revision,
    string By,
    DateTimeOffset At) : IIncidentEvent;
