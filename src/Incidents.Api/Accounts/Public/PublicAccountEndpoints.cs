using Incidents.Api.Accounts.Views;
using Incidents.Api.Http;
using Incidents.Projections.OfficialAccounts;

namespace Incidents.Api.Accounts.Public;

/// <summary>The public JSON the homepage embeds: the list of official accounts, and the "is this ours?" check.</summary>
public static class PublicAccountEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/public/official-accounts").AllowAnonymous().WithTags("Official accounts (public)");

        group.MapGet("/", async (HttpResponse response, OfficialAccountsQuery query, CancellationToken cancellationToken) =>
            {
                var rows = ListPaging.Apply(response.HttpContext, await query.ListedAsync(cancellationToken));
                PublicResponses.Cacheable(response, crossOrigin: true);
                return Results.Json(new { items = rows.Select(PublicAccountView.Of).ToList() }, HttpJson.Options);
            })
            .Produces<PublicAccountView[]>()
            .WithSummary("The official accounts on the public list (000 §6(3)): service, account, URL, department and operation policy.");

        group.MapGet("/check", async (HttpRequest request, OfficialAccountCheck check, CancellationToken cancellationToken) =>
            {
                var key = CheckQuery.Parse(request.Query["platform"], request.Query["handle"], request.Query["url"]);
                var answer = await check.CheckAsync(key, cancellationToken);
                PublicResponses.Cacheable(request.HttpContext.Response, crossOrigin: true);
                return Results.Json(answer, HttpJson.Options);
            })
            .Produces<AccountCheckAnswer>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Is this account ours? ?platform=x&handle=@name or ?url=https://…: official, formerly-official (closed on date) or not-ours. URL shorteners are refused.");
    }
}
