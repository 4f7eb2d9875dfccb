namespace Incidents.Api.Notifications.Outbox;

/// <summary>The receiver was reached but did not accept the notification (for example it answered 500); worth retrying.</summary>
public sealed class DeliveryFailedException(string message) : Exception(message);
