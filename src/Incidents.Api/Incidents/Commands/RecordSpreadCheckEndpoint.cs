using Incidents.Api.Http;
using Incidents.Domain.Incidents.Commands;

namespace Incidents.Api.Incidents.Commands;

public static class RecordSpreadCheckEndpoint
{
    public sealed record Body(bool Spread, IReadOnlyList<string>? CopyUrls = null) : IValidatedRequest
    {
        public void Validate(RequestErrors errors) => errors.Urls(CopyUrls, "copyUrls", Limits.Urls);
    }

    public static void Map(RouteGroupBuilder incidents) =>
        incidents.MapCommand<Body>("/{id}/record-spread-check", (body, _) => new RecordSpreadCheck(body.Spread, body.CopyUrls ?? []))
            .WithSummary("Record whether a wrong post spread; copies found open the step to ask for their deletion.");
}
