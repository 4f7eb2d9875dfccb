using Incidents.Api.Incidents.Commands;
using Incidents.Api.Incidents.Reading;

namespace Incidents.Api.Incidents;

/// <summary>Every route under /api/incidents. All need a signed-in user; which roles may run a command is the command's own rule.</summary>
public static class IncidentRoutes
{
    public static void MapIncidentRoutes(this IEndpointRouteBuilder app)
    {
        var incidents = app.MapGroup("/api/incidents").RequireAuthorization().WithTags("Incidents");
        ReportIncidentEndpoint.Map(incidents);
        ListIncidentsEndpoint.Map(incidents);
        GetIncidentEndpoint.Map(incidents);
        GetTimelineEndpoint.Map(incidents);
        AcknowledgeEndpoint.Map(incidents);
        AssignEndpoint.Map(incidents);
        AssignStepEndpoint.Map(incidents);
        CompleteStepEndpoint.Map(incidents);
        WaiveStepEndpoint.Map(incidents);
        ReportToOfficersEndpoint.Map(incidents);
        RequestTakedownEndpoint.Map(incidents);
        RecordPlatformAnswerEndpoint.Map(incidents);
        RecordPasswordRotationEndpoint.Map(incidents);
        RecordDeletedPostsEndpoint.Map(incidents);
        RecordPcScanEndpoint.Map(incidents);
        RecordPoliceContactEndpoint.Map(incidents);
        RecordSpreadCheckEndpoint.Map(incidents);
        DraftStatementEndpoint.Map(incidents);
        ReviseStatementEndpoint.Map(incidents);
        ApproveStatementEndpoint.Map(incidents);
        PublishStatementEndpoint.Map(incidents);
        ResolveEndpoint.Map(incidents);
        CloseEndpoint.Map(incidents);
        ReopenEndpoint.Map(incidents);
        LinkGenuineAccountEndpoint.Map(incidents);
        MergeEndpoint.Map(incidents);
        GetStatementTemplatesEndpoint.Map(incidents);
    }
}
