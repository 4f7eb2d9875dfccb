using Incidents.EventStore.Postgres.Feed;
using Incidents.EventStore.Postgres.Signals;
using Incidents.Projections.Checkpoints;
using Incidents.Projections.Rebuild;
using Incidents.Projections.Status;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Incidents.Projections.Runner;

/// <summary>What every projection worker shares: the database, the feed, the stores, the signals and the clock.</summary>
public sealed record ProjectionInfrastructure(
    NpgsqlDataSource DataSource,
    EventFeed Feed,
    CheckpointStore Checkpoints,
    RebuildRequests Rebuilds,
    ChangePublisher Publisher,
    SignalHub Signals,
    ProjectionRuntime Runtime,
    ProjectionMetrics Metrics,
    ProjectionRunnerOptions Options,
    TimeProvider Time,
    ILoggerFactory Loggers)
{
    public BatchApplier Batches { get; } = new(DataSource, Feed, Time);
}
