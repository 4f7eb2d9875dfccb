namespace Incidents.Api.Notifications;

/// <summary>The NOTIFY channel that wakes outbox dispatchers when a command has written notifications.</summary>
public static class NotificationSignals
{
    public const string Outbox = "incidents_outbox";
}
