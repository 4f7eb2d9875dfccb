using Incidents.Api.Health;
using Incidents.Api.Projections;
using Incidents.EventStore.Postgres.Feed;
using Incidents.EventStore.Postgres.Serialization;
using Incidents.EventStore.Postgres.Signals;
using Incidents.Projections.Checkpoints;
using Incidents.Projections.IncidentList;
using Incidents.Projections.Leadership;
using Incidents.Projections.Metrics;
using Incidents.Projections.Overdue;
using Incidents.Projections.Rebuild;
using Incidents.Projections.Runner;
using Incidents.Projections.Status;
using Incidents.Projections.Timeline;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace Incidents.Api.Composition;

/// <summary>
/// The projection runner (one hosted loop per projection, each running only on the node that holds its lock), the
/// read models' queries, their health check and the NOTIFY channels they use.
/// </summary>
public static class ProjectionServices
{
    public static IServiceCollection AddIncidentsProjections(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(_ => configuration.GetSection("Projections").Get<ProjectionRunnerOptions>() ?? new ProjectionRunnerOptions());
        services.AddSingleton<ProjectionRuntime>();
        services.AddSingleton<ProjectionMetrics>();
        services.AddSingleton<CheckpointStore>();
        services.AddSingleton<RebuildRequests>();
        services.AddSingleton(sp => new ProjectionInfrastructure(
            sp.GetRequiredService<NpgsqlDataSource>(),
            sp.GetRequiredService<EventFeed>(),
            sp.GetRequiredService<CheckpointStore>(),
            sp.GetRequiredService<RebuildRequests>(),
            sp.GetRequiredService<ChangePublisher>(),
            sp.GetRequiredService<SignalHub>(),
            sp.GetRequiredService<ProjectionRuntime>(),
            sp.GetRequiredService<ProjectionMetrics>(),
            sp.GetRequiredService<ProjectionRunnerOptions>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton(sp => new ProjectionLeadership(
            configuration.GetConnectionString(IncidentsServices.ConnectionStringName) ?? "",
            sp.GetRequiredService<ProjectionRunnerOptions>(),
            sp.GetRequiredService<ILogger<ProjectionLeadership>>()));
        services.AddSingleton(sp => ProjectionEngine.DefaultCatalog(
            sp.GetRequiredService<ProjectionInfrastructure>(), sp.GetRequiredService<EventSerializer>()));
        services.AddSingleton<ProjectionEngine>();

        services.AddSingleton<ProjectionStatusQuery>();
        services.AddSingleton<TimelineQuery>();
        services.AddSingleton<OverdueQueueQuery>();
        services.AddSingleton<ResponseMetricsQuery>();
        services.AddSingleton<UrgentIncidentsQuery>();
        services.AddSingleton<ProjectionOperations>();

        services.AddSingleton(new ListenChannel(ProjectionChannels.Updated));
        services.AddSingleton(new ListenChannel(ProjectionChannels.Control));
        foreach (var name in ProjectionEngine.DefaultNames)
        {
            services.AddBackgroundLoop($"projection:{name}", (sp, token) => sp.GetRequiredService<ProjectionEngine>().Host(name).RunAsync(token));
        }

        services.AddHealthChecks().AddCheck<ProjectionHealthCheck>("projections", tags: [HealthEndpoints.ReadyTag]);
        return services;
    }
}
