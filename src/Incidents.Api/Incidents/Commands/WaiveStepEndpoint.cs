using Incidents.Api.Http;
using Incidents.Domain.Incidents.Commands;

namespace Incidents.Api.Incidents.Commands;

public static class WaiveStepEndpoint
{
    public sealed record Body(string Reason) : IValidatedRequest
    {
        public void Validate(RequestErrors errors) => errors.Text(Reason, "reason", Limits.Note);
    }

    public static void Map(RouteGroupBuilder incidents) =>
        incidents.MapCommand<Body>("/{id}/steps/{stepKey}/waive", (body, request) =>
                new WaiveStep(IncidentRoute.ParseStepKey((string)request.RouteValues["stepKey"]!), body.Reason))
            .WithSummary("Waive an optional step, saying why.");
}
