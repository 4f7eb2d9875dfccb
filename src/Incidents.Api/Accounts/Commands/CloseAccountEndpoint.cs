using Incidents.Api.Http;
using Incidents.Api.Incidents.Commands;
using Incidents.Domain.Accounts.Commands;

namespace Incidents.Api.Accounts.Commands;

public static class CloseAccountEndpoint
{
    public sealed record Body(string? Note = null) : IValidatedRequest
    {
        public void Validate(RequestErrors errors) => errors.Text(Note, "note", Limits.Note, required: false);
    }

    public static void Map(RouteGroupBuilder accounts) =>
        accounts.MapAccountCommand<Body>("/{id}/close", body => new CloseAccount(body.Note))
            .WithSummary("Record the account's deletion, after the abolition notice, its announcement and its removal from the public list (000 §7(3)).");
}
