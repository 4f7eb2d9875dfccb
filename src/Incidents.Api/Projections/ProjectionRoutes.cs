using Incidents.Api.Http;
using Incidents.Projections.Status;

namespace Incidents.Api.Projections;

/// <summary>
/// /api/projections: every projection's checkpoint, lag, leader and rebuild progress; rebuild one from zero (it
/// answers 202 at once, the leader does the work); resume one that stopped at a fault.
/// </summary>
public static class ProjectionRoutes
{
    public static void MapProjectionRoutes(this IEndpointRouteBuilder app)
    {
        var projections = app.MapGroup("/api/projections").RequireAuthorization().WithTags("Projections");

        projections.MapGet("/", async (HttpContext http, ProjectionStatusQuery statuses, TimeProvider time, CancellationToken cancellationToken) =>
            {
                ProjectionOperations.RequireReader(http.User);
                var all = ListPaging.Apply(http, await statuses.ReadAsync(time.GetUtcNow(), cancellationToken));
                return Results.Json(new { items = all.Select(ProjectionStatusView.From) }, HttpJson.Options);
            })
            .Produces<ProjectionStatusView[]>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Every projection: mode, status, checkpoint, lag, pending events, fault, leader, rebuild progress.");

        projections.MapGet("/{name}", async (HttpContext http, string name, ProjectionOperations operations, CancellationToken cancellationToken) =>
            {
                ProjectionOperations.RequireReader(http.User);
                return Results.Json(ProjectionStatusView.From(await operations.StatusAsync(name, cancellationToken)), HttpJson.Options);
            })
            .Produces<ProjectionStatusView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One projection's status and rebuild progress.");

        projections.MapPost("/{name}/rebuild", async (HttpContext http, string name, ProjectionOperations operations, CancellationToken cancellationToken) =>
            {
                var status = await operations.RebuildAsync(http.User, name, cancellationToken);
                http.Response.Headers.Location = $"/api/projections/{name}";
                return Results.Json(ProjectionStatusView.From(status), HttpJson.Options, statusCode: StatusCodes.Status202Accepted);
            })
            .Produces<ProjectionStatusView>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Rebuild a projection from position zero into shadow tables and swap it in while the service runs (admin, CISO).");

        projections.MapPost("/{name}/resume", async (HttpContext http, string name, ProjectionOperations operations, CancellationToken cancellationToken) =>
                Results.Json(ProjectionStatusView.From(await operations.ResumeAsync(http.User, name, cancellationToken)), HttpJson.Options))
            .Produces<ProjectionStatusView>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Let a projection that stopped at an event try again from its checkpoint, after a fix is deployed (admin, CISO).");
    }
}
