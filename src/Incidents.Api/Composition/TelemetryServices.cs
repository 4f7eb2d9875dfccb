using Incidents.Api.Telemetry;
using Incidents.EventStore.Postgres.Telemetry;

namespace Incidents.Api.Composition;

public static class TelemetryServices
{
    /// <summary>
    /// JSON logs to stdout that carry the trace and span ids, and OpenTelemetry providers that live as long as the host.
    /// Registered before every other hosted service so that it starts first and stops last.
    /// </summary>
    public static WebApplicationBuilder AddIncidentsTelemetry(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(options =>
        {
            options.IncludeScopes = true;
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
        });
        builder.Logging.Configure(options =>
            options.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);

        builder.Services.AddSingleton<TelemetryProviders>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TelemetryProviders>());
        builder.Services.AddSingleton<IncidentsMetrics>();
        builder.Services.AddSingleton(sp => new EventStoreTelemetry(sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()));
        return builder;
    }

    /// <summary>
    /// The gauges read from the database (steps overdue, outbox backlog) and the loop that samples them. Registered after
    /// the migrations, the projections and the outbox, whose tables they read.
    /// </summary>
    public static IServiceCollection AddDatabaseGauges(this IServiceCollection services)
    {
        services.AddSingleton<DatabaseGauges>();
        services.AddBackgroundLoop("telemetry-gauges", (sp, token) => sp.GetRequiredService<DatabaseGauges>().RunAsync(token));
        return services;
    }
}
