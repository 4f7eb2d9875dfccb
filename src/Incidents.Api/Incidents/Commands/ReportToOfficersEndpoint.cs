using Incidents.Api.Http;
using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Commands;

namespace Incidents.Api.Incidents.Commands;

public static class ReportToOfficersEndpoint
{
    public sealed record Body(IReadOnlyList<Officer> Recipients, string? Note = null) : IValidatedRequest
    {
        public void Validate(RequestErrors errors) => errors
            .Count(Recipients, "recipients", 1, Enum.GetValues<Officer>().Length)
            .Text(Note, "note", Limits.Note, required: false);
    }

    public static void Map(RouteGroupBuilder incidents) =>
        incidents.MapCommand<Body>("/{id}/report-to-officers", (body, _) => new ReportToOfficers(body.Recipients, body.Note))
            .WithSummary("Record that the incident was reported to the CISO, security manager, department head or general affairs.");
}
