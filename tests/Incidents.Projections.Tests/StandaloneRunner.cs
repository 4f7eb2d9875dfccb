using Incidents.Domain.Incidents.Events;
using Incidents.EventStore.Postgres;
using Incidents.EventStore.Postgres.Feed;
using Incidents.EventStore.Postgres.Resilience;
using Incidents.EventStore.Postgres.Schema;
using Incidents.EventStore.Postgres.Serialization;
using Incidents.EventStore.Postgres.Signals;
using Incidents.Projections.Checkpoints;
using Incidents.Projections.Leadership;
using Incidents.Projections.Rebuild;
using Incidents.Projections.Runner;
using Incidents.Projections.Schema;
using Incidents.Projections.Status;
using Incidents.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Incidents.Projections.Tests;

/// <summary>The event store and the projection runner without the web host, on a fresh database: one "process" per instance.</summary>
public sealed class StandaloneRunner : IAsyncDisposable
{
    private StandaloneRunner(TestDatabase database, NpgsqlDataSource dataSource, PostgresEventStore store, ProjectionInfrastructure infrastructure)
    {
        Database = database;
        DataSource = dataSource;
        Store = store;
        Infrastructure = infrastructure;
        Leadership = new ProjectionLeadership(database.ConnectionString, infrastructure.Options, NullLogger<ProjectionLeadership>.Instance);
    }

    public TestDatabase Database { get; }

    public NpgsqlDataSource DataSource { get; }

    public PostgresEventStore Store { get; }

    public ProjectionInfrastructure Infrastructure { get; }

    public ProjectionLeadership Leadership { get; }

    public static async Task<StandaloneRunner> CreateAsync(TestDatabase database, ProjectionRunnerOptions options)
    {
        var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await new SchemaMigrator(
                dataSource, EmbeddedMigrations.EventStore.Concat(ProjectionMigrations.All), NullLogger<SchemaMigrator>.Instance)
            .MigrateAsync(CancellationToken.None);
        var serializer = new EventSerializer(new EventTypeRegistry().Register(IncidentEventTypes.ByWireName, IncidentEventTypes.SchemaVersion));
        var signals = new SignalHub();
        var publisher = new ChangePublisher(dataSource, signals, NullLogger<ChangePublisher>.Instance);
        var store = new PostgresEventStore(dataSource, serializer, TimeProvider.System, publisher, new TransientFaultRetry(TimeProvider.System));
        var runtime = new ProjectionRuntime();
        var infrastructure = new ProjectionInfrastructure(
            dataSource, new EventFeed(dataSource, serializer), new CheckpointStore(dataSource), new RebuildRequests(dataSource), publisher,
            signals, runtime, new ProjectionMetrics(runtime), options, TimeProvider.System, NullLoggerFactory.Instance);
        return new StandaloneRunner(database, dataSource, store, infrastructure);
    }

    public ProjectionHost HostFor(IAsyncProjection projection) =>
        new(new AsyncProjectionWorker(projection, Infrastructure), Leadership, Infrastructure.Runtime, NullLogger<ProjectionHost>.Instance);

    public async ValueTask DisposeAsync()
    {
        Infrastructure.Metrics.Dispose();
        await Leadership.DisposeAsync();
        await DataSource.DisposeAsync();
    }
}
