using Incidents.Domain.Access;

namespace Incidents.Api.Access.Matrix;

/// <summary>
/// One row of the authorisation matrix: an endpoint (method and route pattern, <c>*</c> for any method), how callers
/// sign in to it, and which roles may call it. <paramref name="DecidedBy"/> names the domain command whose
/// <c>PermittedRoles</c> must be the same roles, where one decides the request.
/// </summary>
public sealed record EndpointRule(string Method, string Route, Credential Credential, IReadOnlySet<Role> Roles, Type? DecidedBy = null)
{
    public bool IsPublic => Credential == Credential.None;

    /// <summary>A page or action of the dashboard (or its sign-in and assets), as opposed to the API.</summary>
    public bool IsDashboard => Route.StartsWith("/dashboard", StringComparison.Ordinal);

    /// <summary>Every role may call it once signed in: the endpoint asks only who you are.</summary>
    public bool AnyRole => IsPublic || Roles.SetEquals(RoleSet.Everyone);

    public bool Allows(Role role) => IsPublic || Roles.Contains(role);

    public string Key => KeyOf(Method, Route);

    public static string KeyOf(string method, string route) => $"{method} {Normalise(route)}";

    /// <summary>Route patterns as written and as grouped differ only in a trailing slash ("/api/incidents/" is "/api/incidents").</summary>
    public static string Normalise(string route)
    {
        var trimmed = route.Trim().TrimEnd('/');
        return trimmed.StartsWith('/') ? trimmed : "/" + trimmed;
    }
}
