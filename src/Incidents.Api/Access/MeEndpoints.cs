using System.Security.Claims;
using Incidents.Api.Http;

namespace Incidents.Api.Access;

/// <summary>The signed-in user's own account: who they are, their tokens, rotating and revoking them.</summary>
public static class MeEndpoints
{
    public static void MapMeRoutes(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/me").RequireAuthorization().WithTags("Access");

        me.MapGet("/", (ClaimsPrincipal user) => Results.Json(
                new { id = Actors.IdOf(user), name = user.Identity?.Name, roles = Actors.RolesOf(user).Select(RoleNames.Of) }, HttpJson.Options))
            .WithSummary("Who the token belongs to, and their roles.");

        me.MapGet("/tokens", async (HttpContext http, UserStore users, CancellationToken cancellationToken) =>
                Results.Json(ListPaging.Apply(http, await users.ListTokensAsync(Guid.Parse(Actors.IdOf(http.User)), cancellationToken)), HttpJson.Options))
            .Produces<TokenInfo[]>()
            .WithSummary("Your tokens (never their values).");

        me.MapPost("/tokens/rotate", async (HttpContext http, UserStore users, TimeProvider time, CancellationToken cancellationToken) =>
            {
                var lifetime = await ReadLifetimeAsync(http.Request, cancellationToken);
                var userId = Guid.Parse(Actors.IdOf(http.User));
                var expiresAt = lifetime.ExpiresAt(time);
                var token = await users.IssueTokenAsync(userId, expiresAt, cancellationToken);
                await users.RevokeTokenAsync(userId, CurrentTokenId(http.User), cancellationToken);
                return Results.Json(new IssuedToken(token, expiresAt), HttpJson.Options, statusCode: StatusCodes.Status201Created);
            })
            .Produces<IssuedToken>(StatusCodes.Status201Created)
            .WithSummary("Issue a new token for yourself and revoke the one this request used.");

        me.MapPost("/tokens/{tokenId}/revoke", async (string tokenId, ClaimsPrincipal user, UserStore users, CancellationToken cancellationToken) =>
                Guid.TryParse(tokenId, out var id) && await users.RevokeTokenAsync(Guid.Parse(Actors.IdOf(user)), id, cancellationToken)
                    ? Results.NoContent()
                    : throw Problems.NotFound("token-not-found", "You have no active token with this id; GET /api/me/tokens lists them."))
            .WithSummary("Revoke one of your tokens; it stops working at once on every node.");
    }

    public static async Task<TokenLifetime> ReadLifetimeAsync(HttpRequest request, CancellationToken cancellationToken) =>
        request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0
            ? await JsonBodyReader.ReadAsync<TokenLifetime>(request, cancellationToken)
            : new TokenLifetime();

    private static Guid CurrentTokenId(ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirstValue(BearerTokenHandler.TokenIdClaim)
            ?? throw Problems.BadRequest("not-a-token-session", "Only a request made with a token can rotate that token."));
}
