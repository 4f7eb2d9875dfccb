using Incidents.Api.Dashboard.Pages;
using Incidents.Api.Dashboard.Rendering;
using Incidents.Api.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Incidents.Api.Access.Matrix;

/// <summary>
/// Answers a signed-in caller whose roles the matrix row does not allow: the API with a 403 problem that names the
/// roles that may, the dashboard with its "not permitted" page (403). Everything else (challenges, success) is the
/// framework's default.
/// </summary>
public sealed class MatrixAuthorizationResults : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Forbidden)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        var metadata = context.GetEndpoint()?.Metadata;
        if (metadata?.GetMetadata<EndpointRule>() is { Credential: Credential.DashboardSession })
        {
            await NotPermittedPage.Render(new DashboardPage(context)).ExecuteAsync(context);
            return;
        }

        var detail = metadata?.GetMetadata<EndpointRule>() is { } rule
            ? $"None of your roles may do this. It needs one of: {string.Join(", ", rule.Roles.Order().Select(RoleNames.Of))}."
            : "This endpoint is not in the authorisation matrix, so nobody may call it yet.";
        await Problems.Result(StatusCodes.Status403Forbidden, "role-not-permitted", "Not allowed for your role", detail).ExecuteAsync(context);
    }
}
