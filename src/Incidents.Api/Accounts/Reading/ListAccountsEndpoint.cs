using Incidents.Api.Accounts.Views;
using Incidents.Api.Http;
using Incidents.Projections.OfficialAccounts;

namespace Incidents.Api.Accounts.Reading;

public static class ListAccountsEndpoint
{
    public static void Map(RouteGroupBuilder accounts) =>
        accounts.MapGet("/", async (HttpContext http, OfficialAccountsQuery query, CancellationToken cancellationToken) =>
            {
                var rows = ListPaging.Apply(http, await query.AllAsync(cancellationToken));
                return Results.Json(new { items = rows.Select(PublicAccountView.Of).ToList() }, HttpJson.Options);
            })
            .Produces<PublicAccountView[]>()
            .WithSummary("Every official account in the registry, whatever its status; closed ones last. Paged (pageSize at most 100).");
}
