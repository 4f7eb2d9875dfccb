using System.Globalization;
using Incidents.Api.Http;

namespace Incidents.Api.Audit;

public static class AuditEndpoint
{
    public static void MapAuditRoutes(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/audit", async (HttpRequest request, AuditQuery audit, CancellationToken cancellationToken) =>
            {
                var actor = request.Query["actor"].ToString();
                var entries = await audit.ReadAsync(
                    actor.Length > 0 ? actor : null, Time(request, "from"), Time(request, "to"),
                    Number(request, "page", 1, 100_000), Number(request, "pageSize", 50, 200), cancellationToken);
                return Results.Json(new { items = entries }, HttpJson.Options);
            })
            .RequireAuthorization()
            .Produces<AuditEntry[]>()
            .WithTags("Audit")
            .WithSummary("Who did what and when across all incidents, newest first; filter by actor id and time.");

    private static DateTimeOffset? Time(HttpRequest request, string name)
    {
        var text = request.Query[name].ToString();
        if (text.Length == 0)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : throw Problems.BadRequest("invalid-query", $"Query parameter '{name}' must be a date and time such as 2026-04-01T09:00:00+09:00.");
    }

    private static int Number(HttpRequest request, string name, int fallback, int max)
    {
        var text = request.Query[name].ToString();
        return text.Length == 0 ? fallback
            : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1 && value <= max ? value
            : throw Problems.BadRequest("invalid-query", $"Query parameter '{name}' must be a whole number from 1 to {max}.");
    }
}
