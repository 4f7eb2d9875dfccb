using Incidents.Api.Http;
using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Commands;

namespace Incidents.Api.Incidents.Commands;

public static class RecordPlatformAnswerEndpoint
{
    public sealed record Body(TakedownOutcome Outcome, string? Note = null) : IValidatedRequest
    {
        public void Validate(RequestErrors errors) => errors.Text(Note, "note", Limits.Note, required: false);
    }

    public static void Map(RouteGroupBuilder incidents) =>
        incidents.MapCommand<Body>("/{id}/record-platform-answer", (body, _) => new RecordPlatformAnswer(body.Outcome, body.Note))
            .WithSummary("Record what the platform answered to the takedown request.");
}
