using Incidents.Domain.Incidents.Commands;

namespace Incidents.Api.Dashboard.Actions;

public static class WaiveStepAction
{
    public static void Map(RouteGroupBuilder dashboard) =>
        dashboard.MapIncidentAction("steps/{stepKey}/waive", (form, request) =>
            new WaiveStep(FormFields.StepKey(request), FormFields.RequiredText(form, "reason", FormFields.NoteLimit)));
}
