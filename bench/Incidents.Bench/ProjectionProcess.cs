using Incidents.Domain.Incidents.Events;
using Incidents.EventStore.Postgres;
using Incidents.EventStore.Postgres.Feed;
using Incidents.EventStore.Postgres.Resilience;
using Incidents.EventStore.Postgres.Serialization;
using Incidents.EventStore.Postgres.Signals;
using Incidents.Projections.Checkpoints;
using Incidents.Projections.Leadership;
using Incidents.Projections.Rebuild;
using Incidents.Projections.Runner;
using Incidents.Projections.Status;
using Microsoft.Extensions.Logging.Abstractions;

namespace Incidents.Bench;

/// <summary>The projection runner as the service hosts it (every projection, its leadership, NOTIFY), inside the bench.</summary>
public sealed class ProjectionProcess : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _running = [];
    private readonly ProjectionLeadership _leadership;
    private readonly ProjectionMetrics _metrics;

    public ProjectionProcess(BenchDatabase database, ProjectionRunnerOptions? options = null)
    {
        var registry = new EventTypeRegistry().Register(IncidentEventTypes.ByWireName, IncidentEventTypes.SchemaVersion);
        Serializer = new EventSerializer(registry);
        Signals = new SignalHub();
        Publisher = new ChangePublisher(database.DataSource, Signals, NullLogger<ChangePublisher>.Instance);
        Store = new PostgresEventStore(database.DataSource, Serializer, TimeProvider.System, Publisher, new TransientFaultRetry(TimeProvider.System));
        var runtime = new ProjectionRuntime();
        _metrics = new ProjectionMetrics(runtime);
        Rebuilds = new RebuildRequests(database.DataSource);
        Infrastructure = new ProjectionInfrastructure(
            database.DataSource, new EventFeed(database.DataSource, Serializer), new CheckpointStore(database.DataSource), Rebuilds,
            Publisher, Signals, runtime, _metrics, options ?? new ProjectionRunnerOptions(), TimeProvider.System, NullLoggerFactory.Instance);
        _leadership = new ProjectionLeadership(database.ConnectionString, Infrastructure.Options, NullLogger<ProjectionLeadership>.Instance);
        Engine = new ProjectionEngine(ProjectionEngine.DefaultCatalog(Infrastructure, Serializer), Infrastructure, _leadership);
    }

    public EventSerializer Serializer { get; }

    public SignalHub Signals { get; }

    public ChangePublisher Publisher { get; }

    public PostgresEventStore Store { get; }

    public RebuildRequests Rebuilds { get; }

    public ProjectionInfrastructure Infrastructure { get; }

    public ProjectionEngine Engine { get; }

    public void Start()
    {
        _running.Add(Task.Run(() => Publisher.RunAsync(TimeProvider.System, _stop.Token)));
        foreach (var host in Engine.Hosts)
        {
            _running.Add(Task.Run(() => host.RunAsync(_stop.Token)));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await Task.WhenAll(_running);
        }
        catch (OperationCanceledException)
        {
        }

        await _leadership.DisposeAsync();
        _metrics.Dispose();
        _stop.Dispose();
    }
}
