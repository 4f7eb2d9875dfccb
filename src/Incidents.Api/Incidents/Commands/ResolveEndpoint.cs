using Incidents.Api.Http;
using Incidents.Domain.Incidents.Commands;

namespace Incidents.Api.Incidents.Commands;

public static class ResolveEndpoint
{
    public sealed record Body(string Summary) : IValidatedRequest
    {
        public void Validate(RequestErrors errors) => errors.Text(Summary, "summary", Limits.Note);
    }

    public static void Map(RouteGroupBuilder incidents) =>
        incidents.MapCommand<Body>("/{id}/resolve", (body, _) => new ResolveIncident(body.Summary))
            .WithSummary("Record that the threat is contained; open steps keep running until done.");
}
