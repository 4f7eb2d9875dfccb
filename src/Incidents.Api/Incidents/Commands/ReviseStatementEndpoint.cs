using Incidents.Api.Http;
using Incidents.Domain.Incidents.Commands;

namespace Incidents.Api.Incidents.Commands;

public static class ReviseStatementEndpoint
{
    public sealed record Body(string Text, string? LinkUrl = null) : IValidatedRequest
    {
        public void Validate(RequestErrors errors) => errors
            .Text(Text, "text", Limits.StatementText)
            .Url(LinkUrl, "linkUrl", required: false);
    }

    public static void Map(RouteGroupBuilder incidents) =>
        incidents.MapCommand<Body>("/{id}/statements/{statementId}/revise", (body, request) => new ReviseStatement(
                IncidentRoute.ParseStatementId((string)request.RouteValues["statementId"]!), body.Text, body.LinkUrl))
            .WithSummary("Change a draft's text; an earlier approval no longer counts.");
}
