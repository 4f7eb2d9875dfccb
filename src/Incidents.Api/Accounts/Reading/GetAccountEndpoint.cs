using Incidents.Api.Accounts.Pipeline;
using Incidents.Api.Accounts.Views;
using Incidents.Api.Http;

namespace Incidents.Api.Accounts.Reading;

public static class GetAccountEndpoint
{
    public static void Map(RouteGroupBuilder accounts) =>
        accounts.MapGet("/{id}", async (HttpContext http, string id, AccountCommandPipeline pipeline, CancellationToken cancellationToken) =>
            {
                var loaded = await pipeline.LoadAsync(AccountRoute.ParseId(id), cancellationToken);
                if (loaded.Version == 0)
                {
                    throw Problems.NotFound("account-not-found", "No official account has this id.");
                }

                var etag = Preconditions.ETagFor(loaded.Version);
                http.Response.Headers.ETag = etag;
                return http.Request.Headers.IfNoneMatch.Contains(etag)
                    ? Results.StatusCode(StatusCodes.Status304NotModified)
                    : Results.Json(AccountView.Of(loaded.State, loaded.Version), HttpJson.Options);
            })
            .Produces<AccountView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The official account with its operation policy and lifecycle; ETag is the stream version.");
}
