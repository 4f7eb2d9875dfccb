using Incidents.Domain.Incidents.Commands;

namespace Incidents.Api.Incidents.Commands;

public static class CloseEndpoint
{
    public static void Map(RouteGroupBuilder incidents) =>
        incidents.MapCommand("/{id}/close", _ => new CloseIncident())
            .WithSummary("Close the incident; refused while a mandatory step is open.");
}
