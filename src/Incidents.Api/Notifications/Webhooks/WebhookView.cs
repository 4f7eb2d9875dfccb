namespace Incidents.Api.Notifications.Webhooks;

/// <summary>A subscription as administrators see it. Never carries the secret.</summary>
public sealed record WebhookView(
    Guid Id,
    string Url,
    string? Description,
    IReadOnlyList<string> Types,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    string? DisabledBy,
    DateTimeOffset? DisabledAt,
    bool Active)
{
    public static WebhookView Of(WebhookSubscription s) =>
        new(s.Id, s.Url, s.Description, s.EventTypes, s.CreatedBy, s.CreatedAt, s.DisabledBy, s.DisabledAt, s.IsActive);
}
