using System.Diagnostics;
using Incidents.Api.Access;
using Incidents.Api.Access.Matrix;
using Incidents.Api.Health;
using Incidents.Api.Http;
using Incidents.Api.Idempotency;
using Incidents.Api.Incidents.Views;
using Incidents.Api.Pipeline;
using Incidents.Api.Runbooks;
using Incidents.Api.Schema;
using Incidents.Api.Telemetry;
using Incidents.Domain.Accounts.Events;
using Incidents.Domain.Incidents.Events;
using Incidents.EventStore.Postgres;
using Incidents.EventStore.Postgres.Feed;
using Incidents.EventStore.Postgres.Resilience;
using Incidents.EventStore.Postgres.Schema;
using Incidents.EventStore.Postgres.Serialization;
using Incidents.EventStore.Postgres.Signals;
using Incidents.EventStore.Postgres.Telemetry;
using Incidents.Projections.IncidentList;
using Incidents.Projections.Schema;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace Incidents.Api.Composition;

/// <summary>The composition root: every service of the API, wired once.</summary>
public static class IncidentsServices
{
    public const string ConnectionStringName = "Incidents";

    public static WebApplicationBuilder AddIncidents(this WebApplicationBuilder builder)
    {
        builder.AddIncidentsTelemetry();
        builder.Services.AddIncidentsCore(builder.Configuration);

        // Hosted services start in registration order. The schema must exist before any of them reads it (the data
        // protection key ring, which authentication registers, loads at start-up), so migrations come first.
        builder.Services.AddHostedService<DatabaseMigrationService>();
        builder.Services.AddIncidentsHttp(builder.Configuration);
        builder.Services.AddIncidentsBackgroundWork();
        builder.Services.AddDeadlines(builder.Configuration);
        builder.Services.AddNotifications(builder.Configuration);
        builder.Services.AddIncidentsProjections(builder.Configuration);
        builder.Services.AddDatabaseGauges();
        builder.Services.AddIncidentsDashboard(builder.Configuration);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 1024 * 1024);
        return builder;
    }

    /// <summary>What both the service and the CLI need: the database, the event store, the domain and the pipeline.</summary>
    public static IServiceCollection AddIncidentsCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => CreateDataSource(configuration));
        services.AddSingleton(new EventTypeRegistry()
            .Register(IncidentEventTypes.ByWireName, IncidentEventTypes.SchemaVersion)
            .Register(AccountEventTypes.ByWireName, AccountEventTypes.SchemaVersion));
        services.AddSingleton<EventSerializer>();
        services.AddSingleton(sp => new TransientFaultRetry(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<SignalHub>();
        services.AddSingleton<ChangePublisher>();
        services.AddSingleton<ChangeListener>();
        services.TryAddSingleton(EventStoreTelemetry.None);
        services.TryAddSingleton<IncidentsMetrics>();
        services.AddSingleton<PostgresEventStore>();
        services.AddSingleton<EventFeed>();
        services.TryAddSingleton(_ => RunbookOverridesConfiguration.Catalog(configuration));

        services.AddSingleton(new MigrationSet(EmbeddedMigrations.EventStore));
        services.AddSingleton(new MigrationSet(ProjectionMigrations.All));
        services.AddSingleton(new MigrationSet(ApiMigrations.All));
        services.AddSingleton(sp => new SchemaMigrator(
            sp.GetRequiredService<NpgsqlDataSource>(),
            sp.GetServices<MigrationSet>().SelectMany(set => set.Migrations),
            sp.GetRequiredService<ILogger<SchemaMigrator>>()));

        services.AddSingleton<IIncidentWriteParticipant, IncidentSummaryWrites>();
        services.AddSingleton<IIncidentWriteParticipant, DeadlineTimerWrites>();
        services.AddSingleton<CommandPipeline>();
        services.AddSingleton<IncidentViews>();
        services.AddSingleton<IncidentListQuery>();
        services.AddSingleton<UserStore>();
        services.AddSingleton<IdempotencyStore>();
        services.AddSingleton<Audit.AuditQuery>();
        services.AddOfficialAccounts();
        return services;
    }

    private static IServiceCollection AddIncidentsHttp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = StatusProblems.Complete);
        services.AddExceptionHandler<ExceptionProblemHandler>();
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new KebabCaseEnumConverterFactory());
        });
        services.AddAuthentication(BearerTokenHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);
        services.AddAuthorization().AddAuthorizationMatrix();
        services.AddRateLimiter(options => WriteRateLimits.Configure(options, configuration.GetSection("RateLimits").Get<WriteRateLimits>() ?? new()));
        services.AddIncidentsRequestTimeouts(configuration);
        services.AddOpenApi();
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [HealthEndpoints.ReadyTag])
            .AddCheck<FeedHorizonHealthCheck>("event-feed", tags: [HealthEndpoints.ReadyTag])
            .AddCheck<BackgroundLoopHealthCheck>("background-loops", tags: [HealthEndpoints.ReadyTag]);
        return services;
    }

    private static IServiceCollection AddIncidentsBackgroundWork(this IServiceCollection services)
    {
        services.AddSingleton<BackgroundLoopStatus>();
        services.AddSingleton(new ListenChannel(SignalChannels.Events));
        services.AddSingleton(new ListenChannel(SignalChannels.Timers));
        services.AddBackgroundLoop("change-publisher", (sp, token) =>
            sp.GetRequiredService<ChangePublisher>().RunAsync(sp.GetRequiredService<TimeProvider>(), token));
        services.AddBackgroundLoop("change-listener", (sp, token) =>
            sp.GetRequiredService<ChangeListener>().RunAsync(
                sp.GetServices<ListenChannel>().Select(c => c.Name).Distinct().ToList(), sp.GetRequiredService<TimeProvider>(), token));
        return services;
    }

    public static IServiceCollection AddBackgroundLoop(
        this IServiceCollection services, string name, Func<IServiceProvider, CancellationToken, Task> run) =>
        services.AddSingleton<IHostedService>(sp => new BackgroundLoop(
            name, token => run(sp, token), sp.GetRequiredService<BackgroundLoopStatus>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<BackgroundLoop>>()));

    private static NpgsqlDataSource CreateDataSource(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                "No database is configured. Set ConnectionStrings:Incidents (environment: ConnectionStrings__Incidents), " +
                "or start the service with scripts/run.sh, which starts a local PostgreSQL.");
        }

        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConnectionStringBuilder.ApplicationName ??= "incidents";
        PoolDefaults.Apply(builder.ConnectionStringBuilder, connectionString);

        // Statements inside one of the service's spans (a request, a command, a projection batch, a delivery) join its
        // trace; the polls of idle background loops would each start a trace of their own and bury the useful ones.
        builder.ConfigureTracing(tracing => tracing
            .ConfigureCommandFilter(_ => Activity.Current is not null)
            .ConfigureBatchFilter(_ => Activity.Current is not null));
        return builder.Build();
    }
}
