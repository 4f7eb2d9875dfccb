using Incidents.Api.Access;
using Incidents.Domain.Access;

namespace Incidents.Api.Notifications.Webhooks;

/// <summary>/api/webhooks: administrators only.</summary>
public static class WebhookRoutes
{
    public static void MapWebhookRoutes(this IEndpointRouteBuilder app)
    {
        var webhooks = app.MapGroup("/api/webhooks")
            .RequireAuthorization(policy => policy.RequireRole(RoleNames.Of(Role.Admin)))
            .WithTags("Webhooks")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        CreateWebhookEndpoint.Map(webhooks);
        ListWebhooksEndpoint.Map(webhooks);
        DisableWebhookEndpoint.Map(webhooks);
    }
}
