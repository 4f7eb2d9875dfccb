using Incidents.Domain.Incidents.Commands;

namespace Incidents.Api.Dashboard.Actions;

public static class AcknowledgeAction
{
    public static void Map(RouteGroupBuilder dashboard) =>
        dashboard.MapIncidentAction("acknowledge", (_, _) => new AcknowledgeIncident());
}
