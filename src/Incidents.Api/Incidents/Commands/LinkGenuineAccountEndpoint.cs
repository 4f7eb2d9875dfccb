using Incidents.Api.Accounts;
using Incidents.Api.Http;
using Incidents.Api.Pipeline;
using Incidents.Domain.Incidents.Commands;

namespace Incidents.Api.Incidents.Commands;

public static class LinkGenuineAccountEndpoint
{
    /// <summary>The handle (on the incident's platform) or the profile URL of our account.</summary>
    public sealed record Body(string GenuineAccount) : IValidatedRequest
    {
        public void Validate(RequestErrors errors) => errors.Text(GenuineAccount, "genuineAccount", 2048);
    }

    public static void Map(RouteGroupBuilder incidents) =>
        incidents.MapPost("/{id}/link-genuine-account", async (
                HttpContext http, string id, OfficialAccountRegistry registry, CommandPipeline pipeline, CancellationToken cancellationToken) =>
            {
                var incidentId = IncidentRoute.ParseId(id);
                var expected = Preconditions.ReadIfMatch(http.Request);
                var body = await JsonBodyReader.ReadAsync<Body>(http.Request, cancellationToken);
                var incident = await pipeline.LoadAsync(incidentId, cancellationToken);
                if (incident.Version == 0)
                {
                    throw Problems.NotFound("incident-not-found", "No incident has this id.");
                }

                var account = await registry.ResolveAsync(incident.State.Platform, body.GenuineAccount, "genuineAccount", cancellationToken);
                return await CommandExecution.RunAsync(http, incidentId, new LinkGenuineAccount(account), expected, creates: false, cancellationToken);
            })
            .Accepts<Body>("application/json")
            .WithCommandResponses()
            .WithSummary("Link the incident to the official account it concerns, so warnings point the public to the genuine account.");
}
