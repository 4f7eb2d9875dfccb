using Incidents.EventStore.Postgres.Feed;
using Incidents.EventStore.Postgres.Signals;
using Incidents.Projections.Checkpoints;
using Incidents.Projections.Rebuild;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Incidents.Projections.Runner;

/// <summary>
/// Follows the feed for one asynchronous projection while this node leads it: wakes on new events (this node's, or
/// another's through NOTIFY), re-polls quickly while the feed reports an invisible tail, polls slowly otherwise as a
/// safety net. Stops at an event it cannot handle and records it. Runs requested rebuilds.
/// </summary>
public sealed class AsyncProjectionWorker : IProjectionWorker
{
    private readonly IAsyncProjection _projection;
    private readonly ProjectionInfrastructure _infrastructure;
    private readonly AsyncSignal _wake;
    private readonly ILogger _logger;
    private readonly AsyncProjectionRebuild _rebuild;
    private string? _liveSchema;

    public AsyncProjectionWorker(IAsyncProjection projection, ProjectionInfrastructure infrastructure)
    {
        _projection = projection;
        _infrastructure = infrastructure;
        _wake = infrastructure.Signals.Subscribe([SignalChannels.Events, ProjectionChannels.Control]);
        _logger = infrastructure.Loggers.CreateLogger<AsyncProjectionWorker>();
        _rebuild = new AsyncProjectionRebuild(projection, infrastructure, this);
    }

    public string Name => _projection.Name;

    private ProjectionRunnerOptions Options => _infrastructure.Options;

    public async Task RunAsLeaderAsync(CancellationToken cancellationToken)
    {
        var checkpoints = _infrastructure.Checkpoints;
        await checkpoints.EnsureAsync(Name, _infrastructure.Time.GetUtcNow(), cancellationToken);
        if (await checkpoints.ResumeAsync(Name, _infrastructure.Time.GetUtcNow(), cancellationToken))
        {
            // A new leader (often a new version of the service) tries once more from where the last one stopped.
            _logger.LogWarning("Projection {Projection} was stopped at an event it could not handle; trying it again", Name);
        }

        _liveSchema ??= await ShadowTables.LiveSchemaAsync(_infrastructure.DataSource, cancellationToken);
        var tailWait = Options.TailPoll;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await _infrastructure.Rebuilds.IsPendingAsync(Name, cancellationToken))
            {
                await _rebuild.RunAsync(_liveSchema, cancellationToken);
                continue;
            }

            var checkpoint = await checkpoints.ReadAsync(Name, cancellationToken);
            if (checkpoint is null)
            {
                await checkpoints.EnsureAsync(Name, _infrastructure.Time.GetUtcNow(), cancellationToken);
                continue;
            }

            if (checkpoint.Status == CheckpointStatus.Faulted)
            {
                await _wake.WaitAsync(Options.IdlePoll, TimeProvider.System, cancellationToken);
                continue;
            }

            switch (await StepAsync(checkpoint.Position, cancellationToken))
            {
                case NextStep.Continue:
                    tailWait = Options.TailPoll;
                    break;
                case NextStep.SoonAgain:
                    await _wake.WaitAsync(tailWait, TimeProvider.System, cancellationToken);
                    tailWait = TimeSpan.FromTicks(Math.Min(tailWait.Ticks * 2, Options.IdlePoll.Ticks));
                    break;
                default:
                    tailWait = Options.TailPoll;
                    await _wake.WaitAsync(Options.IdlePoll, TimeProvider.System, cancellationToken);
                    break;
            }
        }
    }

    /// <summary>Applies one live batch from <paramref name="position"/>; says when to look again.</summary>
    internal async Task<NextStep> StepAsync(FeedPosition position, CancellationToken cancellationToken)
    {
        var live = new ProjectionTables(_liveSchema!, _projection.Tables);
        var cursor = new CheckpointCursor(Name, position);
        var result = await _infrastructure.Batches.ApplyAsync(_projection, cursor, live, Options.BatchSize, cancellationToken);
        switch (result)
        {
            case BatchResult.Applied applied:
                Report(applied.Page);
                return applied.Full ? NextStep.Continue : applied.Page.HasInvisibleTail ? NextStep.SoonAgain : NextStep.Wait;
            case BatchResult.Empty empty:
                return empty.HasInvisibleTail ? NextStep.SoonAgain : NextStep.Wait;
            case BatchResult.Conflict:
                return NextStep.Continue;
            default:
                var fault = await LocateFaultAsync(cursor, live, cancellationToken);
                if (fault is null)
                {
                    return NextStep.Continue;
                }

                await _infrastructure.Checkpoints.MarkFaultedAsync(Name, cursor.Position, fault, _infrastructure.Time.GetUtcNow(), cancellationToken);
                _logger.LogError(
                    "Projection {Projection} stopped at event {Position} ({EventType}): {Reason}. Deploy a fix and resume it, or rebuild it.",
                    Name, fault.Position, fault.EventType, fault.Reason);
                _infrastructure.Publisher.Publish(ProjectionChannels.Updated);
                return NextStep.Wait;
        }
    }

    /// <summary>
    /// After a failed batch, applies the events one by one up to the one that fails, so everything before it is kept
    /// and the report names the exact event. Null when the failure does not happen again.
    /// </summary>
    internal async Task<ProjectionFault?> LocateFaultAsync(IFeedCursor cursor, ProjectionTables tables, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await _infrastructure.Batches.ApplyAsync(_projection, cursor, tables, 1, cancellationToken);
            switch (result)
            {
                case BatchResult.Applied applied:
                    if (cursor is CheckpointCursor)
                    {
                        Report(applied.Page);
                    }

                    continue;
                case BatchResult.Failed failed:
                    var (position, type) = failed.Event is { } e
                        ? (e.FeedPosition, e.Type)
                        : await NextEventAsync(cursor.Position, cancellationToken);
                    return new ProjectionFault(position, type, $"{failed.Error.GetType().Name}: {failed.Error.Message}");
                default:
                    return null;
            }
        }
    }

    private async Task<(FeedPosition Position, string Type)> NextEventAsync(FeedPosition after, CancellationToken cancellationToken)
    {
        await using var command = _infrastructure.DataSource.CreateCommand("""
            select transaction_id, position, type from events
             where (transaction_id, position) > ($1, $2)
             order by transaction_id, position
             limit 1
            """);
        command.Parameters.Add(CheckpointStore.Xid8(after.TransactionId));
        command.Parameters.Add(new NpgsqlParameter { Value = after.Position });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? (new FeedPosition(reader.GetFieldValue<ulong>(0), reader.GetInt64(1)), reader.GetString(2))
            : (after, "unknown");
    }

    private void Report(FeedPage page)
    {
        var now = _infrastructure.Time.GetUtcNow();
        var lags = page.Events.Select(e => Max(now - e.RecordedAt)).ToList();
        _infrastructure.Runtime.Applied(Name, page.Last!.Value, lags[^1], now, page.Events.Count);
        _infrastructure.Metrics.Applied(Name, lags);
        _infrastructure.Publisher.Publish(ProjectionChannels.Updated);
    }

    private static TimeSpan Max(TimeSpan lag) => lag < TimeSpan.Zero ? TimeSpan.Zero : lag;

    internal enum NextStep
    {
        /// <summary>More may be waiting right now.</summary>
        Continue,

        /// <summary>Something is about to become readable: look again shortly.</summary>
        SoonAgain,

        /// <summary>Caught up: wait for a wake-up or the slow poll.</summary>
        Wait,
    }
}
