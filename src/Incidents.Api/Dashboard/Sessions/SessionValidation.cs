using System.Security.Claims;
using Incidents.Api.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Incidents.Api.Dashboard.Sessions;

/// <summary>
/// Checks a session against its API token on every request: a revoked or expired token, or a disabled user, ends the
/// session at once, and a change of roles applies at once.
/// </summary>
public static class SessionValidation
{
    public static ClaimsPrincipal PrincipalFor(UserAccount user, byte[] tokenHash)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString("D")),
            new(ClaimTypes.Name, user.Name),
            new(DashboardSession.TokenHashClaim, Convert.ToBase64String(tokenHash)),
        };
        claims.AddRange(user.Roles.Select(role => new Claim(ClaimTypes.Role, RoleNames.Of(role))));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, DashboardSession.Scheme));
    }

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var hash = context.Principal?.FindFirstValue(DashboardSession.TokenHashClaim);
        var user = hash is null
            ? null
            : await context.HttpContext.RequestServices.GetRequiredService<UserStore>()
                .FindByTokenHashAsync(Convert.FromBase64String(hash), context.HttpContext.RequestAborted) is var (found, _) ? found : null;
        if (user is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(DashboardSession.Scheme);
            return;
        }

        var current = Actors.RolesOf(context.Principal!).Select(RoleNames.Of).Order();
        if (!current.SequenceEqual(user.Roles.Select(RoleNames.Of).Order()))
        {
            context.ReplacePrincipal(PrincipalFor(user, Convert.FromBase64String(hash!)));
            context.ShouldRenew = true;
        }
    }
}
