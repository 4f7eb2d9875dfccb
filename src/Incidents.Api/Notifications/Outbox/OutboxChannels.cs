namespace Incidents.Api.Notifications.Outbox;

/// <summary>The ways a notification leaves the service, as the outbox's channel column names them.</summary>
public static class OutboxChannels
{
    public const string Webhook = "webhook";
    public const string Email = "email";
}
