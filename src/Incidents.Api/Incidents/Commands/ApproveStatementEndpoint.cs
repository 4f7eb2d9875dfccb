using Incidents.Domain.Incidents.Commands;

namespace Incidents.Api.Incidents.Commands;

public static class ApproveStatementEndpoint
{
    public static void Map(RouteGroupBuilder incidents) =>
        incidents.MapCommand("/{id}/statements/{statementId}/approve", request =>
                new ApproveStatement(IncidentRoute.ParseStatementId((string)request.RouteValues["statementId"]!)))
            .WithSummary("Approve the current text of a statement you did not write.");
}
