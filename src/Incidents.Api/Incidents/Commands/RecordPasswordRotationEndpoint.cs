using Incidents.Api.Http;
using Incidents.Domain.Incidents.Commands;

namespace Incidents.Api.Incidents.Commands;

public static class RecordPasswordRotationEndpoint
{
    /// <summary>Deliberately no password field: only the fact is recorded.</summary>
    public sealed record Body(string? Note = null) : IValidatedRequest
    {
        public void Validate(RequestErrors errors) => errors.Text(Note, "note", Limits.Note, required: false);
    }

    public static void Map(RouteGroupBuilder incidents) =>
        incidents.MapCommand<Body>("/{id}/record-password-rotation", (body, _) => new RecordPasswordRotation(body.Note))
            .WithSummary("Record that the account's password was changed (never the password).");
}
