using System.Text.Json;
using Incidents.EventStore.Postgres.Serialization;

namespace Incidents.Api.Http;

/// <summary>Responses use the same JSON shape as storage: camelCase, enums as kebab-case strings.</summary>
public static class HttpJson
{
    public static JsonSerializerOptions Options => WireJson.Options;
}
