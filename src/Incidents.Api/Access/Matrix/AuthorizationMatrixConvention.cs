using Incidents.Api.Dashboard.Sessions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Incidents.Api.Access.Matrix;

/// <summary>
/// Gives every endpoint mapped under a group the authorisation its row in <see cref="AuthorizationMatrix"/> states,
/// when the endpoint is built: public rows allow anonymous callers; other rows need their credential and one of their
/// roles, and lose any AllowAnonymous of their own. An endpoint without a row refuses everyone.
/// </summary>
public static class AuthorizationMatrixConvention
{
    public static TBuilder WithAuthorizationMatrix<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.Finally(endpoint =>
        {
            if (endpoint is not RouteEndpointBuilder route)
            {
                return;
            }

            var rule = AuthorizationMatrix.Find(MethodOf(endpoint), route.RoutePattern.RawText ?? "/");
            if (rule is { IsPublic: true })
            {
                endpoint.Metadata.Add(rule);
                endpoint.Metadata.Add(new AllowAnonymousAttribute());
                return;
            }

            foreach (var anonymous in endpoint.Metadata.OfType<IAllowAnonymous>().ToList())
            {
                endpoint.Metadata.Remove(anonymous);
            }

            if (rule is null)
            {
                endpoint.Metadata.Add(new UnlistedEndpoint(route.RoutePattern.RawText ?? ""));
                endpoint.Metadata.Add(RefuseEveryone);
                return;
            }

            endpoint.Metadata.Add(rule);
            endpoint.Metadata.Add(PolicyFor(rule));
        });
        return builder;
    }

    /// <summary>The endpoint's method as the matrix writes it: its one HTTP method, or <c>*</c> when it accepts any.</summary>
    public static string MethodOf(EndpointBuilder endpoint) =>
        endpoint.Metadata.OfType<HttpMethodMetadata>().LastOrDefault()?.HttpMethods is [var only] ? only : "*";

    public static string MethodOf(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods is [var only] ? only : "*";

    public static string RouteOf(RoutePattern pattern) => EndpointRule.Normalise(pattern.RawText ?? "/");

    private static readonly AuthorizationPolicy RefuseEveryone = new AuthorizationPolicyBuilder(BearerTokenHandler.SchemeName)
        .RequireAuthenticatedUser()
        .RequireAssertion(_ => false)
        .Build();

    private static AuthorizationPolicy PolicyFor(EndpointRule rule)
    {
        var policy = new AuthorizationPolicyBuilder(
                rule.Credential == Credential.DashboardSession ? DashboardSession.Scheme : BearerTokenHandler.SchemeName)
            .RequireAuthenticatedUser();
        if (!rule.AnyRole)
        {
            policy.RequireRole(rule.Roles.Order().Select(RoleNames.Of));
        }

        return policy.Build();
    }
}
