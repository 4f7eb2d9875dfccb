using System.Security.Claims;
using System.Text.Encodings.Web;
using Incidents.Api.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Incidents.Api.Access;

/// <summary>Authenticates <c>Authorization: Bearer …</c> against the hashed tokens; 401 and 403 answer as problem JSON.</summary>
public sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, UserStore users)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    /// <summary>The id of the token the request came with, so it can be rotated or revoked by its holder.</summary>
    public const string TokenIdClaim = "incidents:token-id";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = header["Bearer ".Length..].Trim();
        if (token.Length is 0 or > 256)
        {
            return AuthenticateResult.Fail("Malformed bearer token.");
        }

        if (await users.FindByTokenAsync(token, Context.RequestAborted) is not var (user, tokenId))
        {
            return AuthenticateResult.Fail("Unknown, revoked or expired token.");
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString("D")),
            new(ClaimTypes.Name, user.Name),
            new(TokenIdClaim, tokenId.ToString("D")),
        };
        claims.AddRange(user.Roles.Select(role => new Claim(ClaimTypes.Role, RoleNames.Of(role))));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        await Problems.Result(
            StatusCodes.Status401Unauthorized, "unauthenticated", "Sign-in required",
            "Send a valid token as 'Authorization: Bearer <token>'. An administrator issues tokens with 'users add' or 'users token'.")
            .ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        await Problems.Result(
            StatusCodes.Status403Forbidden, "forbidden", "Not allowed for your role",
            "Your roles do not allow this. Ask an administrator if you need it.")
            .ExecuteAsync(Context);
}
