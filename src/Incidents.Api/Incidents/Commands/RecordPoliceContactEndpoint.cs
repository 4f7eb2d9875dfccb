using Incidents.Api.Http;
using Incidents.Domain.Incidents.Commands;

namespace Incidents.Api.Incidents.Commands;

public static class RecordPoliceContactEndpoint
{
    public sealed record Body(string Station, string? CaseReference = null, string? Note = null) : IValidatedRequest
    {
        public void Validate(RequestErrors errors) => errors
            .Text(Station, "station", Limits.Name)
            .Text(CaseReference, "caseReference", Limits.Name, required: false)
            .Text(Note, "note", Limits.Note, required: false);
    }

    public static void Map(RouteGroupBuilder incidents) =>
        incidents.MapCommand<Body>("/{id}/record-police-contact", (body, _) =>
                new RecordPoliceContact(body.Station.Trim(), body.CaseReference, body.Note))
            .WithSummary("Record that the police (and relevant departments) were contacted.");
}
