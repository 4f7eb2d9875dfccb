using System.Net;
using System.Net.Mail;
using Incidents.Api.Notifications.Outbox;
using Microsoft.Extensions.Options;

namespace Incidents.Api.Notifications.Email;

/// <summary>Sends a notification to one address through the configured SMTP server, behind that server's circuit breaker.</summary>
public sealed class EmailChannel(IOptions<SmtpOptions> smtp, IOptions<NotificationOptions> options, DeliveryCircuits circuits) : INotificationChannel
{
    public string Name => OutboxChannels.Email;

    public async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var settings = smtp.Value;
        if (!settings.Enabled)
        {
            throw new UndeliverableException("E-mail is not configured (Notifications:Smtp:Host).");
        }

        // SmtpClient.Timeout is documented for the synchronous Send only; the circuit's timeout bounds the delivery either way.
        var server = $"smtp://{settings.Host}:{settings.Port}";
        await circuits.DeliverAsync(server, server, settings.Timeout, async token =>
        {
            using var mail = NotificationEmail.Compose(message, settings.From, options.Value.PublicBaseUrl);
            using var client = new SmtpClient(settings.Host, settings.Port)
            {
                EnableSsl = settings.EnableSsl,
                DeliveryMethod = SmtpDeliveryMethod.Network,
                Timeout = (int)settings.Timeout.TotalMilliseconds,
            };
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                client.Credentials = new NetworkCredential(settings.UserName, settings.Password);
            }

            await client.SendMailAsync(mail, token);
        }, cancellationToken);
    }
}
