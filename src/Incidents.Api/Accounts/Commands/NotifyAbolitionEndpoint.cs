using Incidents.Api.Http;
using Incidents.Api.Incidents.Commands;
using Incidents.Domain.Accounts;
using Incidents.Domain.Accounts.Commands;

namespace Incidents.Api.Accounts.Commands;

public static class NotifyAbolitionEndpoint
{
    public sealed record Body(AbolitionReason Reason, string? Note = null, DateTimeOffset? PlannedClosingAt = null) : IValidatedRequest
    {
        public void Validate(RequestErrors errors) => errors.Text(Note, "note", Limits.Note, required: false);
    }

    public static void Map(RouteGroupBuilder accounts) =>
        accounts.MapAccountCommand<Body>("/{id}/notify-abolition", body => new NotifyAbolition(body.Reason, body.Note, body.PlannedClosingAt))
            .WithSummary("The department head notifies the CISO of the abolition (別紙3, 000 §7(1)); the closing is announced until plannedClosingAt (003 (4)).");
}
