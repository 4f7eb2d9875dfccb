using Incidents.Api.Http;
using Incidents.Domain.Incidents.Commands;

namespace Incidents.Api.Incidents.Commands;

public static class AssignStepEndpoint
{
    public sealed record Body(string Assignee) : IValidatedRequest
    {
        public void Validate(RequestErrors errors) => errors.Text(Assignee, "assignee", Limits.Name);
    }

    public static void Map(RouteGroupBuilder incidents) =>
        incidents.MapCommand<Body>("/{id}/steps/{stepKey}/assign", (body, request) =>
                new AssignStep(IncidentRoute.ParseStepKey((string)request.RouteValues["stepKey"]!), body.Assignee.Trim()))
            .WithSummary("Assign one open step to a person.");
}
