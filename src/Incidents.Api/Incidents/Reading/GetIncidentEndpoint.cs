using Incidents.Api.Access;
using Incidents.Api.Http;
using Incidents.Api.Incidents.Views;
using Incidents.Api.Pipeline;

namespace Incidents.Api.Incidents.Reading;

public static class GetIncidentEndpoint
{
    public static void Map(RouteGroupBuilder incidents) =>
        incidents.MapGet("/{id}", async (HttpContext http, string id, CommandPipeline pipeline, IncidentViews views, CancellationToken cancellationToken) =>
            {
                var loaded = await pipeline.LoadAsync(IncidentRoute.ParseId(id), cancellationToken);
                if (loaded.Version == 0)
                {
                    throw Problems.NotFound("incident-not-found", "No incident has this id.");
                }

                var etag = Preconditions.ETagFor(loaded.Version);
                http.Response.Headers.ETag = etag;
                if (http.Request.Headers.IfNoneMatch.Contains(etag))
                {
                    return Results.StatusCode(StatusCodes.Status304NotModified);
                }

                return Results.Json(views.Build(loaded.State, loaded.Version, Actors.RolesOf(http.User)), Http.HttpJson.Options);
            })
            .Produces<IncidentView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The incident: state, every step with status, deadline and who; ETag is the stream version.");
}
