using Incidents.Domain.Accounts.Commands;

namespace Incidents.Api.Accounts.Commands;

public static class AddToPublicListEndpoint
{
    public static void Map(RouteGroupBuilder accounts) =>
        accounts.MapAccountCommand("/{id}/add-to-public-list", () => new AddToPublicList())
            .WithSummary("The CISO publishes the account on the public list of official accounts (000 §6(3)).");
}
