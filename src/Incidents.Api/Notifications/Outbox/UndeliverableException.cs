namespace Incidents.Api.Notifications.Outbox;

/// <summary>A notification that no retry can deliver (its subscription was disabled, e-mail is not configured): it is given up at once.</summary>
public sealed class UndeliverableException(string message) : Exception(message);
