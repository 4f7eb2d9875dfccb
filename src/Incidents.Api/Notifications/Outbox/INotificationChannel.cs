namespace Incidents.Api.Notifications.Outbox;

/// <summary>Delivers one outbox message to its destination, or throws. Runs outside any database transaction.</summary>
public interface INotificationChannel
{
    /// <summary>The outbox channel this delivers (<see cref="OutboxChannels"/>).</summary>
    string Name { get; }

    Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken);
}
