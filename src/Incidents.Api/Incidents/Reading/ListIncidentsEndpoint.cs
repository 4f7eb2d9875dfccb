using System.Globalization;
using Incidents.Api.Http;
using Incidents.Domain.Incidents;
using Incidents.EventStore.Postgres.Serialization;
using Incidents.Projections.IncidentList;

namespace Incidents.Api.Incidents.Reading;

public static class ListIncidentsEndpoint
{
    public const int MaxPageSize = 100;

    public static void Map(RouteGroupBuilder incidents) =>
        incidents.MapGet("/", async (HttpRequest request, IncidentListQuery query, TimeProvider time, CancellationToken cancellationToken) =>
            {
                var filter = new IncidentListFilter(
                    EnumOrNull<IncidentKind>(request, "kind"),
                    EnumOrNull<IncidentStatus>(request, "status"),
                    BoolOrNull(request, "overdue"),
                    IntOrDefault(request, "page", 1, 1, 100_000),
                    IntOrDefault(request, "pageSize", 20, 1, MaxPageSize));
                return Results.Json(await query.ReadAsync(filter, time.GetUtcNow(), cancellationToken), HttpJson.Options);
            })
            .Produces<IncidentListPage>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Incidents, newest first; filter by kind, status and overdue; paged (pageSize at most 100).");

    private static TEnum? EnumOrNull<TEnum>(HttpRequest request, string name) where TEnum : struct, Enum
    {
        var text = request.Query[name].ToString();
        if (text.Length == 0)
        {
            return null;
        }

        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<TEnum>($"\"{System.Text.Json.JsonEncodedText.Encode(text)}\"", WireJson.Options);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw Problems.BadRequest("invalid-query", $"Query parameter '{name}': {e.Message}");
        }
    }

    private static bool? BoolOrNull(HttpRequest request, string name)
    {
        var text = request.Query[name].ToString();
        return text switch
        {
            "" => null,
            "true" => true,
            "false" => false,
            _ => throw Problems.BadRequest("invalid-query", $"Query parameter '{name}' must be true or false."),
        };
    }

    private static int IntOrDefault(HttpRequest request, string name, int fallback, int min, int max)
    {
        var text = request.Query[name].ToString();
        if (text.Length == 0)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw Problems.BadRequest("invalid-query", $"Query parameter '{name}' must be a whole number from {min} to {max}.");
    }
}
