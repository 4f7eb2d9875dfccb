using Incidents.Api.Http;
using Incidents.Domain.Incidents.Commands;

namespace Incidents.Api.Incidents.Commands;

public static class CompleteStepEndpoint
{
    public sealed record Body(string? Note = null) : IValidatedRequest
    {
        public void Validate(RequestErrors errors) => errors.Text(Note, "note", Limits.Note, required: false);
    }

    public static void Map(RouteGroupBuilder incidents) =>
        incidents.MapCommand<Body>("/{id}/steps/{stepKey}/complete", (body, request) =>
                new CompleteStep(IncidentRoute.ParseStepKey((string)request.RouteValues["stepKey"]!), body.Note))
            .WithSummary("Mark a step done that has no dedicated fact to record.");
}
