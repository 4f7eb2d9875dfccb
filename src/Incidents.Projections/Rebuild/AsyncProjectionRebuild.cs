using System.Diagnostics;
using Incidents.EventStore.Postgres.Feed;
using Incidents.Projections.Checkpoints;
using Incidents.Projections.Runner;
using Microsoft.Extensions.Logging;

namespace Incidents.Projections.Rebuild;

/// <summary>
/// Rebuilds an asynchronous projection from position zero while the service runs: applies the whole feed to shadow
/// tables (between shadow batches the live projection keeps following the feed), and once the shadow has caught up
/// with the head of the feed, swaps it in and sets the checkpoint to the shadow's position, in one transaction.
/// </summary>
internal sealed class AsyncProjectionRebuild(IAsyncProjection projection, ProjectionInfrastructure infrastructure, AsyncProjectionWorker worker)
{
    private readonly ILogger _logger = infrastructure.Loggers.CreateLogger<AsyncProjectionRebuild>();

    private string Name => projection.Name;

    private ProjectionRunnerOptions Options => infrastructure.Options;

    public async Task RunAsync(string liveSchema, CancellationToken cancellationToken)
    {
        if (await infrastructure.Rebuilds.ClaimAsync(Name, infrastructure.Time.GetUtcNow(), cancellationToken) is not { } claim)
        {
            return;
        }

        var (progress, wasRunning) = claim;

        var shadow = new ProjectionTables(ProjectionTables.RebuildSchema, projection.Tables);
        var cursor = new RebuildCursor(Name, progress.Position);
        await using (var connection = await infrastructure.DataSource.OpenConnectionAsync(cancellationToken))
        {
            if (wasRunning && await ShadowTables.ExistAsync(connection, projection.Tables, cancellationToken))
            {
                cursor.Continue(progress.EventsProcessed, null);
                _logger.LogInformation("Continuing the rebuild of {Projection} from {Position}", Name, progress.Position);
            }
            else
            {
                await ShadowTables.CreateAsync(connection, liveSchema, projection.Tables, cancellationToken);
                await infrastructure.Rebuilds.RestartAsync(Name, cancellationToken);
                cursor = new RebuildCursor(Name, FeedPosition.Start);
                _logger.LogInformation("Rebuilding {Projection} from position zero", Name);
            }
        }

        var clock = Stopwatch.StartNew();
        var tailWait = Options.TailPoll;
        while (true)
        {
            var result = await infrastructure.Batches.ApplyAsync(projection, cursor, shadow, Options.RebuildBatchSize, cancellationToken);
            switch (result)
            {
                case BatchResult.Applied { Full: true }:
                    await KeepLiveFreshAsync(cancellationToken);
                    continue;
                case BatchResult.Applied or BatchResult.Empty { HasInvisibleTail: false }:
                    if (await TrySwapAsync(cursor, liveSchema, shadow, cancellationToken))
                    {
                        _logger.LogInformation(
                            "Rebuilt {Projection}: {Events} events in {Seconds:F1} s ({Rate:F0} events/s)",
                            Name, cursor.Processed, clock.Elapsed.TotalSeconds, cursor.Processed / Math.Max(clock.Elapsed.TotalSeconds, 0.001));
                        infrastructure.Runtime.Applied(Name, cursor.Position, TimeSpan.Zero, infrastructure.Time.GetUtcNow(), 0);
                        infrastructure.Publisher.Publish(ProjectionChannels.Updated);
                        return;
                    }

                    continue;
                case BatchResult.Empty:
                    await Task.Delay(tailWait, TimeProvider.System, cancellationToken);
                    tailWait = TimeSpan.FromTicks(Math.Min(tailWait.Ticks * 2, Options.IdlePoll.Ticks));
                    continue;
                case BatchResult.Conflict:
                    _logger.LogWarning("The rebuild of {Projection} was changed by someone else; leaving it", Name);
                    return;
                default:
                    var fault = await worker.LocateFaultAsync(cursor, shadow, cancellationToken);
                    if (fault is null)
                    {
                        continue;
                    }

                    var reason = $"Stopped at event {fault.Position} ({fault.EventType}): {fault.Reason}";
                    _logger.LogError("The rebuild of {Projection} failed. {Reason}", Name, reason);
                    await infrastructure.Rebuilds.FailAsync(Name, reason, infrastructure.Time.GetUtcNow(), cancellationToken);
                    await ShadowTables.DropAsync(infrastructure.DataSource, projection.Tables, cancellationToken);
                    infrastructure.Publisher.Publish(ProjectionChannels.Updated);
                    return;
            }
        }
    }

    /// <summary>A long rebuild must not leave the live read model behind: one live batch between shadow batches.</summary>
    private async Task KeepLiveFreshAsync(CancellationToken cancellationToken)
    {
        if (await infrastructure.Checkpoints.ReadAsync(Name, cancellationToken) is { Status: CheckpointStatus.Running } live)
        {
            await worker.StepAsync(live.Position, cancellationToken);
        }
    }

    /// <summary>
    /// Applies what is left (if it fits in one batch) and swaps, in one transaction. False when more is left, when the
    /// remaining events fail (the next regular batch finds and reports the event), or when readers held the tables
    /// too long.
    /// </summary>
    private async Task<bool> TrySwapAsync(RebuildCursor cursor, string liveSchema, ProjectionTables shadow, CancellationToken cancellationToken)
    {
        await using var connection = await infrastructure.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var page = await infrastructure.Feed.ReadAfterAsync(connection, cursor.Position, Options.RebuildBatchSize, cancellationToken);
        if (page.Events.Count == Options.RebuildBatchSize)
        {
            return false;
        }

        var now = infrastructure.Time.GetUtcNow();
        try
        {
            if (page.Events.Count > 0)
            {
                await projection.ApplyAsync(page.Events, new ProjectionWriteContext(connection, shadow), cancellationToken);
                if (!await cursor.AdvanceAsync(connection, page, now, cancellationToken))
                {
                    return false;
                }
            }

            await ShadowTables.SwapAsync(connection, liveSchema, projection.Tables, cancellationToken);
        }
        catch (Exception e) when (ShadowTables.IsLockTimeout(e))
        {
            _logger.LogWarning("Readers held the tables of {Projection} too long to swap the rebuild in; trying again", Name);
            await Task.Delay(Options.IdlePoll, TimeProvider.System, cancellationToken);
            return false;
        }
        catch (Exception e) when (BatchApplier.IsEventFault(e, cancellationToken))
        {
            return false;
        }

        var lastRecordedAt = page.Events.Count > 0 ? page.Events[^1].RecordedAt : cursor.LastRecordedAt;
        await CheckpointStore.ResetAsync(
            connection, Name, page.Last ?? cursor.Position, cursor.Processed + page.Events.Count, lastRecordedAt, now, cancellationToken);
        await RebuildRequests.CompleteAsync(connection, Name, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        cursor.Committed(page);
        return true;
    }
}
