using System.Security.Claims;
using Incidents.Domain.Access;

namespace Incidents.Api.Access;

/// <summary>Turns the signed-in user into the domain's actor, acting in the strongest of their roles that the command permits.</summary>
public static class Actors
{
    public static string IdOf(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The user is not authenticated.");

    public static IReadOnlyList<Role> RolesOf(ClaimsPrincipal user) =>
        user.FindAll(ClaimTypes.Role).Select(c => RoleNames.TryParse(c.Value, out var role) ? role : (Role?)null).OfType<Role>().ToList();

    public static Actor? For(ClaimsPrincipal user, IReadOnlySet<Role> permitted) =>
        RolesOf(user).Where(permitted.Contains).OrderDescending().Select(role => new Actor(IdOf(user), role)).FirstOrDefault();

    public static bool HasAny(ClaimsPrincipal user, IReadOnlySet<Role> roles) => RolesOf(user).Any(roles.Contains);
}
