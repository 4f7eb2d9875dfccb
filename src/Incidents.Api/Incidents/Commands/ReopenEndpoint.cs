using Incidents.Api.Http;
using Incidents.Domain.Incidents.Commands;

namespace Incidents.Api.Incidents.Commands;

public static class ReopenEndpoint
{
    public sealed record Body(string Reason, IReadOnlyList<string>? StepKeys = null) : IValidatedRequest
    {
        public void Validate(RequestErrors errors)
        {
            errors.Text(Reason, "reason", Limits.Note);
            if (StepKeys is { Count: > 20 })
            {
                errors.Add("stepKeys", "At most 20 steps.");
            }
        }
    }

    public static void Map(RouteGroupBuilder incidents) =>
        incidents.MapCommand<Body>("/{id}/reopen", (body, _) => new ReopenIncident(body.Reason, body.StepKeys ?? []))
            .WithSummary("Reopen a resolved or closed incident, optionally opening named steps again.");
}
