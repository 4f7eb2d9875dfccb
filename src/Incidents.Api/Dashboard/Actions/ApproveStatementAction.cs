using Incidents.Api.Incidents;
using Incidents.Domain.Incidents.Commands;

namespace Incidents.Api.Dashboard.Actions;

public static class ApproveStatementAction
{
    public static void Map(RouteGroupBuilder dashboard) =>
        dashboard.MapIncidentAction("statements/{statementId}/approve", (_, request) =>
            new ApproveStatement(IncidentRoute.ParseStatementId((string)request.RouteValues["statementId"]!)));
}
