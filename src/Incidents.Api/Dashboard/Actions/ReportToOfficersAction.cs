using Incidents.Api.Http;
using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Commands;
using Incidents.Projections;

namespace Incidents.Api.Dashboard.Actions;

public static class ReportToOfficersAction
{
    public static void Map(RouteGroupBuilder dashboard) =>
        dashboard.MapIncidentAction("report-to-officers", (form, _) =>
        {
            var recipients = Enum.GetValues<Officer>().Where(o => form["recipients"].Contains(WireName.Of(o))).ToList();
            if (recipients.Count == 0)
            {
                new RequestErrors().Add("recipients", "Choose at least one officer.").ThrowIfAny();
            }

            return new ReportToOfficers(recipients, null);
        });
}
