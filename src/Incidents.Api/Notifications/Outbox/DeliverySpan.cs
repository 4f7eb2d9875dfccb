using System.Diagnostics;
using Incidents.Api.Telemetry;

namespace Incidents.Api.Notifications.Outbox;

/// <summary>The span of one outbox delivery, in the trace of the command (or timer firing) that wrote the row.</summary>
public static class DeliverySpan
{
    private const string SubjectPrefix = "incidents/";

    public static Activity? Start(OutboxMessage message)
    {
        var span = IncidentsTracing.StartFollowing("deliver " + message.Channel, message.TraceParent, ActivityKind.Client);
        span?.SetTag("incident.id", message.Subject.StartsWith(SubjectPrefix, StringComparison.Ordinal) ? message.Subject[SubjectPrefix.Length..] : null);
        span?.SetTag("incident.kind", message.IncidentKind);
        span?.SetTag("incidents.notification.id", message.Id.ToString("D"));
        span?.SetTag("incidents.notification.type", message.Type);
        span?.SetTag("incidents.notification.channel", message.Channel);
        span?.SetTag("incidents.notification.attempt", message.Attempts);
        return span;
    }
}
