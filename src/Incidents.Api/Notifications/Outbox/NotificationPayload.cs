using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Incidents.Api.Access;
using Incidents.Api.Incidents.Reading;
using Incidents.Api.Pipeline;
using Incidents.Domain.Notifications;
using Incidents.EventStore.Postgres.Serialization;

namespace Incidents.Api.Notifications.Outbox;

/// <summary>
/// What a notification carries to its receivers (the CloudEvents <c>data</c>, and what e-mails are written from): the
/// incident, whom it is for, a line to read, and the event that caused it in its stored shape.
/// </summary>
public static class NotificationPayload
{
    public static string Json(IncidentChange change, Notification notification, long streamVersion, EventSerializer serializer)
    {
        var id = change.After.Id;
        var data = new JsonObject
        {
            ["incidentId"] = id.ToString("D"),
            ["incidentKind"] = JsonSerializer.SerializeToNode(change.After.Kind, WireJson.Options),
            ["incidentPath"] = $"/api/incidents/{id:D}",
            ["streamVersion"] = streamVersion,
            ["summary"] = JsonSerializer.SerializeToNode(notification.Summary, WireJson.Options),
            ["roles"] = new JsonArray([.. notification.Roles.Select(r => (JsonNode)RoleNames.Of(r))]),
            ["people"] = new JsonArray([.. notification.People.Select(p => (JsonNode)p)]),
            ["actorRole"] = RoleNames.Of(change.Actor.Role),
            ["eventType"] = serializer.Registry.WireNameOf(notification.Cause.GetType()).Name,
            // Receivers are not all officers who may see reporters' contact details, so the event goes without them.
            ["event"] = JsonSerializer.SerializeToNode(TimelinePersonalData.Without(notification.Cause), notification.Cause.GetType(), WireJson.Options),
        };
        return data.ToJsonString(WireJson.Options);
    }

    /// <summary>
    /// The same notification always gets the same id (from its stream, version and type), so writing it twice stores
    /// it once.
    /// </summary>
    public static Guid IdFor(string streamId, long streamVersion, string type)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{streamId}/{streamVersion}/{type}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
