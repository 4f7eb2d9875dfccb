using Incidents.Domain.Incidents.Commands;

namespace Incidents.Api.Dashboard.Actions;

public static class RequestTakedownAction
{
    public static void Map(RouteGroupBuilder dashboard) =>
        dashboard.MapIncidentAction("request-takedown", (form, _) =>
            new RequestTakedown(FormFields.OptionalUrl(form, "targetUrl"), FormFields.OptionalText(form, "reference", 200)));
}
