using Incidents.Api.Health;
using Incidents.Api.Notifications;
using Incidents.Api.Notifications.Email;
using Incidents.Api.Notifications.Outbox;
using Incidents.Api.Notifications.Webhooks;
using Incidents.Api.Pipeline;
using Microsoft.Extensions.Options;

namespace Incidents.Api.Composition;

/// <summary>Notifications: the outbox written with the events, its dispatcher, and the webhook and e-mail channels.</summary>
public static class NotificationServices
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NotificationOptions>()
            .Bind(configuration.GetSection(NotificationOptions.Section))
            .Validate(o => o.DeliveredRetention > TimeSpan.Zero && o.PruneInterval > TimeSpan.Zero,
                "Notifications:DeliveredRetention and Notifications:PruneInterval must be positive durations, for example 30.00:00:00 and 01:00:00.")
            .ValidateOnStart();
        services.Configure<SmtpOptions>(configuration.GetSection(SmtpOptions.Section));
        services.AddSingleton<IIncidentWriteParticipant, NotificationOutboxWrites>();
        services.AddSingleton<WebhookSubscriptionStore>();
        services.AddSingleton<DeliveryCircuits>();
        services.AddSingleton<NotificationMetrics>();
        services.AddHttpClient(WebhookChannel.HttpClientName, (sp, client) =>
            client.Timeout = sp.GetRequiredService<IOptions<NotificationOptions>>().Value.WebhookTimeout);
        services.AddSingleton<INotificationChannel, WebhookChannel>();
        services.AddSingleton<INotificationChannel, EmailChannel>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton(new ListenChannel(NotificationSignals.Outbox));
        services.AddHealthChecks().AddCheck<OutboxHealthCheck>("notifications", tags: [HealthEndpoints.ReadyTag]);
        services.AddBackgroundLoop("notification-outbox", (sp, token) => sp.GetRequiredService<OutboxDispatcher>().RunAsync(token));
        services.AddSingleton<OutboxPruning>();
        services.AddBackgroundLoop("outbox-pruning", (sp, token) => sp.GetRequiredService<OutboxPruning>().RunAsync(token));
        return services;
    }
}
