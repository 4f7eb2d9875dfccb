namespace Incidents.Api.Notifications.Webhooks;

/// <summary>An outgoing webhook. <paramref name="EventTypes"/> empty: every notification type.</summary>
public sealed record WebhookSubscription(
    Guid Id,
    string Url,
    string? Description,
    IReadOnlyList<string> EventTypes,
    string Secret,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    string? DisabledBy,
    DateTimeOffset? DisabledAt)
{
    public bool IsActive => DisabledAt is null;
}
