using Incidents.Api.Http;

namespace Incidents.Api.Notifications.Webhooks;

public static class ListWebhooksEndpoint
{
    public sealed record Page(IReadOnlyList<WebhookView> Items);

    public static void Map(RouteGroupBuilder webhooks) =>
        webhooks.MapGet("/", async (HttpContext http, WebhookSubscriptionStore store, CancellationToken cancellationToken) =>
                Results.Json(new Page(ListPaging.Apply(http, await store.ListAsync(cancellationToken)).Select(WebhookView.Of).ToList()), HttpJson.Options))
            .Produces<Page>()
            .WithSummary("Every webhook subscription, active or disabled; secrets are never shown again.");
}
