using Incidents.Api.Http;
using Incidents.Api.Incidents.Commands;
using Incidents.Domain.Accounts.Commands;

namespace Incidents.Api.Accounts.Commands;

public static class RecordVerifiedBadgeEndpoint
{
    public sealed record Body(bool Verified, string? Note = null) : IValidatedRequest
    {
        public void Validate(RequestErrors errors) => errors.Text(Note, "note", Limits.Note, required: false);
    }

    public static void Map(RouteGroupBuilder accounts) =>
        accounts.MapAccountCommand<Body>("/{id}/verified-badge", body => new RecordVerifiedBadge(body.Verified, body.Note))
            .WithSummary("Record whether the platform shows the account as verified (000 §6(3)).");
}
