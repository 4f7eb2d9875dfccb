using Incidents.Domain.Accounts.Commands;

namespace Incidents.Api.Accounts.Commands;

public static class RemoveFromPublicListEndpoint
{
    public static void Map(RouteGroupBuilder accounts) =>
        accounts.MapAccountCommand("/{id}/remove-from-public-list", () => new RemoveFromPublicList())
            .WithSummary("After the abolition notice, the CISO removes the account from the public list (000 §7(2)).");
}
