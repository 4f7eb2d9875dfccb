namespace Incidents.Api.Notifications.Outbox;

/// <summary>A leased outbox row: one notification for one destination (a webhook subscription id, or an e-mail address).</summary>
public sealed record OutboxMessage(
    Guid Id,
    string Type,
    string Subject,
    string PayloadJson,
    string Channel,
    string Destination,
    DateTimeOffset CreatedAt,
    int Attempts);
