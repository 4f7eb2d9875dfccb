using Incidents.Api.Http;
using Incidents.Domain.Incidents.Commands;

namespace Incidents.Api.Incidents.Commands;

public static class AssignEndpoint
{
    public sealed record Body(string Assignee) : IValidatedRequest
    {
        public void Validate(RequestErrors errors) => errors.Text(Assignee, "assignee", Limits.Name);
    }

    public static void Map(RouteGroupBuilder incidents) =>
        incidents.MapCommand<Body>("/{id}/assign", (body, _) => new AssignIncident(body.Assignee.Trim()))
            .WithSummary("Assign the incident to a person.");
}
