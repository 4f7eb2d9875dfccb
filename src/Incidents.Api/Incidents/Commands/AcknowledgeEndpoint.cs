using Incidents.Domain.Incidents.Commands;

namespace Incidents.Api.Incidents.Commands;

public static class AcknowledgeEndpoint
{
    public static void Map(RouteGroupBuilder incidents) =>
        incidents.MapCommand("/{id}/acknowledge", _ => new AcknowledgeIncident())
            .WithSummary("Acknowledge the report: the response is under way.");
}
