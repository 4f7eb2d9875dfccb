using Incidents.Domain.Incidents.Commands;

namespace Incidents.Api.Dashboard.Actions;

public static class CompleteStepAction
{
    public static void Map(RouteGroupBuilder dashboard) =>
        dashboard.MapIncidentAction("steps/{stepKey}/complete", (form, request) =>
            new CompleteStep(FormFields.StepKey(request), FormFields.OptionalText(form, "note", FormFields.NoteLimit)));
}
