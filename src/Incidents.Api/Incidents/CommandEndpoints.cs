using Incidents.Api.Http;
using Incidents.Api.Incidents.Views;
using Incidents.Domain.Incidents.Commands;

namespace Incidents.Api.Incidents;

/// <summary>Maps one POST per command under /api/incidents/{id}/…, each with If-Match and the same error shapes.</summary>
public static class CommandEndpoints
{
    public static RouteHandlerBuilder MapCommand<TBody>(
        this RouteGroupBuilder incidents, string pattern, Func<TBody, HttpRequest, IIncidentCommand> toCommand)
        where TBody : IValidatedRequest =>
        incidents.MapPost(pattern, async (HttpContext http, string id, CancellationToken cancellationToken) =>
            {
                var incidentId = IncidentRoute.ParseId(id);
                var expected = Preconditions.ReadIfMatch(http.Request);
                var body = await JsonBodyReader.ReadAsync<TBody>(http.Request, cancellationToken);
                var command = toCommand(body, http.Request);
                return await CommandExecution.RunAsync(http, incidentId, command, expected, creates: false, cancellationToken);
            })
            .Accepts<TBody>("application/json")
            .WithCommandResponses();

    /// <summary>A command without fields; a body, if sent, must still be a clean JSON object.</summary>
    public static RouteHandlerBuilder MapCommand(
        this RouteGroupBuilder incidents, string pattern, Func<HttpRequest, IIncidentCommand> toCommand) =>
        incidents.MapPost(pattern, async (HttpContext http, string id, CancellationToken cancellationToken) =>
            {
                var incidentId = IncidentRoute.ParseId(id);
                var expected = Preconditions.ReadIfMatch(http.Request);
                if (http.Request.ContentLength is > 0 || http.Request.Headers.TransferEncoding.Count > 0)
                {
                    await JsonBodyReader.ReadAsync<EmptyBody>(http.Request, cancellationToken);
                }

                return await CommandExecution.RunAsync(http, incidentId, toCommand(http.Request), expected, creates: false, cancellationToken);
            })
            .WithCommandResponses();

    public static RouteHandlerBuilder WithCommandResponses(this RouteHandlerBuilder builder) => builder
        .Produces<IncidentView>()
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
        .ProducesProblem(StatusCodes.Status428PreconditionRequired);

    public sealed record EmptyBody : IValidatedRequest
    {
        public void Validate(RequestErrors errors)
        {
        }
    }
}
