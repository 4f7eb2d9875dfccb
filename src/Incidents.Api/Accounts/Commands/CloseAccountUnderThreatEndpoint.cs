using Incidents.Api.Http;
using Incidents.Api.Incidents.Commands;
using Incidents.Domain.Accounts.Commands;

namespace Incidents.Api.Accounts.Commands;

public static class CloseAccountUnderThreatEndpoint
{
    public sealed record Body(string Threat) : IValidatedRequest
    {
        public void Validate(RequestErrors errors) => errors.Text(Threat, "threat", Limits.Note);
    }

    public static void Map(RouteGroupBuilder accounts) =>
        accounts.MapAccountCommand<Body>("/{id}/close-now", body => new CloseAccountUnderThreat(body.Threat))
            .WithSummary("Delete the account at once, without notice, because keeping it would cause serious harm (003 (3)ウ, (4)).");
}
