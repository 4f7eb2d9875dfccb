namespace Incidents.Api.Notifications.Outbox;

/// <summary>
/// A leased outbox row: one notification for one destination (a webhook subscription id, or an e-mail address).
/// <paramref name="TraceParent"/> is the span of the command that wrote it; <paramref name="IncidentKind"/> comes from the
/// payload, for the delivery's span.
/// </summary>
public sealed record OutboxMessage(
    Guid Id,
    string Type,
    string Subject,
    string PayloadJson,
    string Channel,
    string Destination,
    DateTimeOffset CreatedAt,
    int Attempts,
    string? TraceParent = null,
    string? IncidentKind = null);
