using Incidents.Api.Http;
using Incidents.Domain.Runbooks;

namespace Incidents.Api.Runbooks;

public static class RunbooksEndpoint
{
    public static void MapRunbookRoutes(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/runbooks", (RunbookCatalog runbooks) => Results.Json(runbooks.All, HttpJson.Options))
            .RequireAuthorization()
            .WithTags("Runbooks")
            .WithSummary("Every kind's runbook: steps, roles, deadlines, escalation ladders, templates and guideline sources.");
}
