using Incidents.Api.Deadlines;
using Incidents.Api.Health;
using Incidents.Api.Runbooks;

namespace Incidents.Api.Composition;

/// <summary>Deadline timers: the worker that fires them, its metrics and its health.</summary>
public static class DeadlineServices
{
    public static IServiceCollection AddDeadlines(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHostedService<RunbookCatalogStartupCheck>();
        services.Configure<DeadlineTimerOptions>(configuration.GetSection(DeadlineTimerOptions.Section));
        services.AddSingleton<DeadlineTimerMetrics>();
        services.AddSingleton<DeadlineTimerWorker>();
        services.AddHealthChecks().AddCheck<DeadlineTimersHealthCheck>("deadline-timers", tags: [HealthEndpoints.ReadyTag]);
        services.AddBackgroundLoop("deadline-timers", (sp, token) => sp.GetRequiredService<DeadlineTimerWorker>().RunAsync(token));
        return services;
    }
}
