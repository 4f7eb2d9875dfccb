using Incidents.Api.Http;
using Incidents.Api.Pipeline;
using Incidents.Domain.Incidents.Commands;

namespace Incidents.Api.Incidents.Commands;

public static class MergeEndpoint
{
    /// <summary><paramref name="DuplicateId"/> is merged into the incident of the route, which carries on the response.</summary>
    public sealed record Body(Guid DuplicateId, string? Reason = null) : IValidatedRequest
    {
        public void Validate(RequestErrors errors) => errors.Text(Reason, "reason", Limits.Note, required: false);
    }

    public static void Map(RouteGroupBuilder incidents) =>
        incidents.MapPost("/{id}/merge", async (HttpContext http, string id, IncidentMergePipeline merges, CancellationToken cancellationToken) =>
            {
                var survivorId = IncidentRoute.ParseId(id);
                var expected = Preconditions.ReadIfMatch(http.Request);
                var body = await JsonBodyReader.ReadAsync<Body>(http.Request, cancellationToken);
                var command = new MergeIncidents(body.DuplicateId, body.Reason);
                return await CommandExecution.RunAsync(
                    http, MergeIncidents.PermittedRoles,
                    async (call, token) =>
                    {
                        var request = new MergeRequest(
                            survivorId, command, call.Actor, expected, call.CorrelationId, call.CommandId,
                            (unit, applied) => call.Remember(unit, call.Render(applied.State, applied.Version, IncidentAnswer.Updated)));
                        return call.Respond(await merges.ExecuteAsync(request, token), IncidentAnswer.Updated);
                    },
                    cancellationToken);
            })
            .Accepts<Body>("application/json")
            .WithCommandResponses()
            .WithSummary(
                "Merge a duplicate into this incident (If-Match: this incident's ETag). Both timelines record the merge; the " +
                "duplicate's reports join this one, its open steps are waived and it closes.");
}
