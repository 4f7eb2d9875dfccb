using System.Diagnostics.Metrics;

namespace Incidents.Api.Notifications.Outbox;

/// <summary>
/// What this node's outbox dispatcher delivered and failed to deliver, and how many destinations it is pausing (meter
/// "Incidents.Notifications"). The backlog, which lives in the database, is measured by <see cref="Telemetry.DatabaseGauges"/>.
/// </summary>
public sealed class NotificationMetrics
{
    public const string MeterName = "Incidents.Notifications";

    private readonly Counter<long> _delivered;
    private readonly Counter<long> _failed;

    public NotificationMetrics(IMeterFactory meters, DeliveryCircuits circuits)
    {
        var meter = meters.Create(MeterName);
        _delivered = meter.CreateCounter<long>("incidents.notifications.delivered", "{notification}", "Notifications delivered, by channel and type.");
        _failed = meter.CreateCounter<long>(
            "incidents.notifications.failed", "{notification}",
            "Deliveries that failed, by channel, type and what happens next: retry, abandoned, or circuit-open (not attempted).");
        meter.CreateObservableGauge(
            "incidents.notifications.circuits_open", () => circuits.NotClosed().Count, "{destination}",
            "Destinations (webhook URLs, the SMTP server) this node is not delivering to because they kept failing.");
    }

    public void Delivered(OutboxMessage message) =>
        _delivered.Add(1, new("channel", message.Channel), new("type", message.Type));

    public void Failed(OutboxMessage message, string outcome) =>
        _failed.Add(1, new("channel", message.Channel), new("type", message.Type), new("outcome", outcome));
}
