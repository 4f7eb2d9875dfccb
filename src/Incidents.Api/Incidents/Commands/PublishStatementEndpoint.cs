using Incidents.Api.Http;
using Incidents.Domain.Incidents.Commands;

namespace Incidents.Api.Incidents.Commands;

public static class PublishStatementEndpoint
{
    public sealed record Body(string? PublishedUrl = null) : IValidatedRequest
    {
        public void Validate(RequestErrors errors) => errors.Url(PublishedUrl, "publishedUrl", required: false);
    }

    public static void Map(RouteGroupBuilder incidents) =>
        incidents.MapCommand<Body>("/{id}/statements/{statementId}/publish", (body, request) => new PublishStatement(
                IncidentRoute.ParseStatementId((string)request.RouteValues["statementId"]!), body.PublishedUrl))
            .WithSummary("Record that the approved statement was published.");
}
