using Incidents.Api.Access;
using Incidents.Api.Notifications.Email;
using Incidents.Api.Pipeline;
using Incidents.Domain.Incidents;
using Incidents.Domain.Notifications;
using Incidents.EventStore.Postgres;
using Incidents.EventStore.Postgres.Serialization;
using Microsoft.Extensions.Options;

namespace Incidents.Api.Notifications.Outbox;

/// <summary>
/// The transactional outbox: the notifications a command's events call for are stored in the command's own batch, so
/// they exist exactly when the events do. Delivery happens after commit and never holds the command up.
/// </summary>
public sealed class NotificationOutboxWrites(EventSerializer serializer, IOptions<SmtpOptions> smtp) : IIncidentWriteParticipant
{
    public void Contribute(UnitOfWork unit, IncidentChange change)
    {
        var notifications = NotificationPolicy.Decide(change.After, change.Runbook, change.Events);
        if (notifications.Count == 0)
        {
            return;
        }

        var streamId = new IncidentId(change.After.Id).StreamId;
        var firstVersion = change.Version - change.Events.Count + 1;
        foreach (var notification in notifications)
        {
            var version = firstVersion + IndexOf(change.Events, notification.Cause);
            unit.Add(OutboxRows.Insert(
                NotificationPayload.IdFor(streamId, version, notification.Type),
                streamId,
                notification.Type,
                $"incidents/{change.After.Id:D}",
                NotificationPayload.Json(change, notification, version, serializer),
                change.Now,
                smtp.Value.Enabled,
                notification.Roles.Select(RoleNames.Of).ToList(),
                notification.People,
                change.TraceParent));
        }

        unit.SignalAfterCommit(NotificationSignals.Outbox);
    }

    private static int IndexOf(IReadOnlyList<object> events, object cause)
    {
        for (var i = 0; i < events.Count; i++)
        {
            if (ReferenceEquals(events[i], cause))
            {
                return i;
            }
        }

        throw new InvalidOperationException("A notification names an event that the command did not append.");
    }
}
