using System.Globalization;
using System.Net.Http.Headers;
using Incidents.Api.Notifications.Outbox;
using Microsoft.Extensions.Options;

namespace Incidents.Api.Notifications.Webhooks;

/// <summary>
/// POSTs a notification, signed, to the subscription's URL, through that URL's circuit breaker; anything but a 2xx answer
/// is a failed attempt.
/// </summary>
public sealed class WebhookChannel(
    IHttpClientFactory clients, WebhookSubscriptionStore subscriptions, DeliveryCircuits circuits, IOptions<NotificationOptions> options,
    TimeProvider time)
    : INotificationChannel
{
    public const string HttpClientName = "webhooks";

    public string Name => OutboxChannels.Webhook;

    public async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var subscription = Guid.TryParse(message.Destination, out var id) ? await subscriptions.FindAsync(id, cancellationToken) : null;
        if (subscription is not { IsActive: true })
        {
            throw new UndeliverableException("The webhook subscription was disabled or no longer exists.");
        }

        var body = CloudEventJson.Serialize(message, options.Value.Source);
        var url = new Uri(subscription.Url);
        await circuits.DeliverAsync(
            subscription.Url, url.GetLeftPart(UriPartial.Authority), options.Value.WebhookTimeout,
            async token =>
            {
                var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue(CloudEventJson.MediaType) { CharSet = "utf-8" };
                request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
                request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(subscription.Secret, timestamp, body));
                using var client = clients.CreateClient(HttpClientName);
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token);
                if (!response.IsSuccessStatusCode)
                {
                    throw new DeliveryFailedException($"The receiver answered {(int)response.StatusCode} {response.ReasonPhrase}.");
                }
            },
            cancellationToken);
    }
}
