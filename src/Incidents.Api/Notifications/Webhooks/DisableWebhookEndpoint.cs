using Incidents.Api.Access;
using Incidents.Api.Http;

namespace Incidents.Api.Notifications.Webhooks;

public static class DisableWebhookEndpoint
{
    public static void Map(RouteGroupBuilder webhooks) =>
        webhooks.MapPost("/{id}/disable", async (HttpContext http, string id, WebhookSubscriptionStore store, TimeProvider time, CancellationToken cancellationToken) =>
            {
                var subscription = Guid.TryParseExact(id, "D", out var guid)
                    ? await store.DisableAsync(guid, Actors.IdOf(http.User), time.GetUtcNow(), cancellationToken)
                    : null;
                return subscription is null
                    ? throw Problems.NotFound("webhook-not-found", "No webhook subscription has this id; GET /api/webhooks lists them.")
                    : Results.Json(WebhookView.Of(subscription), HttpJson.Options);
            })
            .Produces<WebhookView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Stop deliveries to a subscription. Notifications not yet delivered to it are given up.");
}
