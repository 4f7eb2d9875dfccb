using Incidents.EventStore.Postgres.Serialization;
using Incidents.Projections.IncidentList;
using Incidents.Projections.Leadership;
using Incidents.Projections.Metrics;
using Incidents.Projections.Overdue;
using Incidents.Projections.Rebuild;
using Incidents.Projections.Timeline;
using Microsoft.Extensions.Logging;

namespace Incidents.Projections.Runner;

/// <summary>One host per projection of the catalog, each contending for its own leadership.</summary>
public sealed class ProjectionEngine(ProjectionCatalog catalog, ProjectionInfrastructure infrastructure, ProjectionLeadership leadership)
{
    /// <summary>The names of the default catalog, known before anything is built (the service hosts one loop per name).</summary>
    public static IReadOnlyList<string> DefaultNames { get; } =
    [
        IncidentListRebuild.ProjectionName,
        TimelineProjection.ProjectionName,
        OverdueQueueProjection.ProjectionName,
        ResponseMetricsProjection.ProjectionName,
    ];

    private readonly Dictionary<string, ProjectionHost> _hosts = catalog.Asynchronous
        .Select(p => (IProjectionWorker)new AsyncProjectionWorker(p, infrastructure))
        .Concat(catalog.Inline.Select(p => new InlineProjectionWorker(p, infrastructure)))
        .ToDictionary(
            worker => worker.Name,
            worker => new ProjectionHost(worker, leadership, infrastructure.Runtime, infrastructure.Loggers.CreateLogger<ProjectionHost>()),
            StringComparer.Ordinal);

    public static ProjectionCatalog DefaultCatalog(ProjectionInfrastructure infrastructure, EventSerializer serializer) => new(
        [new TimelineProjection(), new OverdueQueueProjection(), new ResponseMetricsProjection()],
        [new IncidentListRebuild(infrastructure, serializer)]);

    public IReadOnlyCollection<ProjectionHost> Hosts => _hosts.Values;

    public ProjectionHost Host(string name) =>
        _hosts.TryGetValue(name, out var host) ? host : throw new InvalidOperationException($"No projection named '{name}'.");
}
