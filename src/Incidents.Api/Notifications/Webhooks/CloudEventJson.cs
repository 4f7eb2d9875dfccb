using System.Text.Json;
using System.Text.Json.Nodes;
using Incidents.Api.Notifications.Outbox;
using Incidents.EventStore.Postgres.Serialization;

namespace Incidents.Api.Notifications.Webhooks;

/// <summary>An outbox message as a CloudEvents 1.0 event in structured JSON mode.</summary>
public static class CloudEventJson
{
    public const string MediaType = "application/cloudevents+json";

    public static byte[] Serialize(OutboxMessage message, string source)
    {
        var cloudEvent = new JsonObject
        {
            ["specversion"] = "1.0",
            ["id"] = message.Id.ToString("D"),
            ["source"] = source,
            ["type"] = message.Type,
            ["subject"] = message.Subject,
            ["time"] = message.CreatedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["datacontenttype"] = "application/json",
            ["data"] = JsonNode.Parse(message.PayloadJson),
        };
        return JsonSerializer.SerializeToUtf8Bytes(cloudEvent, WireJson.Options);
    }
}
