using Incidents.Projections.Runner;
using Microsoft.Extensions.Logging;

namespace Incidents.Projections.Rebuild;

/// <summary>
/// The leader's work for an inline projection: nothing follows the feed (commands write it), but rebuilds must run
/// on one node at a time, so requests wait for this worker.
/// </summary>
public sealed class InlineProjectionWorker(IInlineProjection projection, ProjectionInfrastructure infrastructure) : IProjectionWorker
{
    private readonly EventStore.Postgres.Signals.AsyncSignal _wake = infrastructure.Signals.Subscribe([ProjectionChannels.Control]);
    private readonly ILogger _logger = infrastructure.Loggers.CreateLogger<InlineProjectionWorker>();

    public string Name => projection.Name;

    public async Task RunAsLeaderAsync(CancellationToken cancellationToken)
    {
        var liveSchema = await ShadowTables.LiveSchemaAsync(infrastructure.DataSource, cancellationToken);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await infrastructure.Rebuilds.IsPendingAsync(Name, cancellationToken))
            {
                try
                {
                    await projection.RebuildAsync(liveSchema, cancellationToken);
                }
                catch (Exception e) when (BatchApplier.IsEventFault(e, cancellationToken))
                {
                    _logger.LogError(e, "The rebuild of {Projection} failed", Name);
                    await infrastructure.Rebuilds.FailAsync(Name, $"{e.GetType().Name}: {e.Message}", infrastructure.Time.GetUtcNow(), cancellationToken);
                    await ShadowTables.DropAsync(infrastructure.DataSource, projection.Tables, cancellationToken);
                }

                infrastructure.Publisher.Publish(ProjectionChannels.Updated);
                continue;
            }

            await _wake.WaitAsync(infrastructure.Options.IdlePoll, TimeProvider.System, cancellationToken);
        }
    }
}
