using System.Net.Mail;
using System.Text;
using System.Text.Json;
using Incidents.Api.Notifications.Outbox;

namespace Incidents.Api.Notifications.Email;

/// <summary>Writes a notification as a plain-text e-mail: Japanese first, English second, with a link to the incident.</summary>
public static class NotificationEmail
{
    public static MailMessage Compose(OutboxMessage message, string from, string? publicBaseUrl)
    {
        using var payload = JsonDocument.Parse(message.PayloadJson);
        var data = payload.RootElement;
        var summaryJa = data.GetProperty("summary").GetProperty("ja").GetString();
        var summaryEn = data.GetProperty("summary").GetProperty("en").GetString();
        var incidentId = data.GetProperty("incidentId").GetString();
        var link = (publicBaseUrl?.TrimEnd('/') ?? "") + data.GetProperty("incidentPath").GetString();

        var body = new StringBuilder()
            .AppendLine(summaryJa)
            .AppendLine()
            .AppendLine($"インシデント: {incidentId}")
            .AppendLine($"詳細: {link}")
            .AppendLine()
            .AppendLine("--")
            .AppendLine(summaryEn)
            .AppendLine()
            .AppendLine($"Incident: {incidentId}")
            .AppendLine($"Details: {link}")
            .AppendLine()
            .AppendLine($"({message.Type}, {message.Id:D})")
            .ToString();

        var mail = new MailMessage(from, message.Destination)
        {
            Subject = $"[インシデント] {summaryJa}",
            SubjectEncoding = Encoding.UTF8,
            Body = body,
            BodyEncoding = Encoding.UTF8,
            IsBodyHtml = false,
        };
        mail.Headers.Add("X-Incidents-Notification", message.Id.ToString("D"));
        return mail;
    }
}
