using Incidents.Api.Http;
using Incidents.Domain.Incidents.Commands;

namespace Incidents.Api.Incidents.Commands;

public static class RequestTakedownEndpoint
{
    public sealed record Body(string? TargetUrl = null, string? Reference = null) : IValidatedRequest
    {
        public void Validate(RequestErrors errors) => errors
            .Url(TargetUrl, "targetUrl", required: false)
            .Text(Reference, "reference", Limits.Name, required: false);
    }

    public static void Map(RouteGroupBuilder incidents) =>
        incidents.MapCommand<Body>("/{id}/request-takedown", (body, _) => new RequestTakedown(body.TargetUrl, body.Reference))
            .WithSummary("Record a deletion request sent to the platform (default target: the reported account).");
}
