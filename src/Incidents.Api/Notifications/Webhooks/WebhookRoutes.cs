namespace Incidents.Api.Notifications.Webhooks;

/// <summary>/api/webhooks: administrators only (the roles come from the authorisation matrix).</summary>
public static class WebhookRoutes
{
    public static void MapWebhookRoutes(this IEndpointRouteBuilder app)
    {
        var webhooks = app.MapGroup("/api/webhooks")
            .RequireAuthorization()
            .WithTags("Webhooks")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        CreateWebhookEndpoint.Map(webhooks);
        ListWebhooksEndpoint.Map(webhooks);
        DisableWebhookEndpoint.Map(webhooks);
    }
}
