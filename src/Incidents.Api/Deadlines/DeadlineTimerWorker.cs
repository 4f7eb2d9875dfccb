using System.Text.Json;
using Incidents.Api.Access;
using Incidents.Api.Pipeline;
using Incidents.Api.Telemetry;
using Incidents.Domain.Incidents;
using Incidents.EventStore.Postgres;
using Incidents.EventStore.Postgres.Serialization;
using Incidents.EventStore.Postgres.Signals;
using Incidents.EventStore.Postgres.Streams;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Incidents.Api.Deadlines;

/// <summary>
/// Fires due deadline timers as commands. Each loop claims a batch of due rows with <c>FOR UPDATE SKIP LOCKED</c>, decides
/// each timer's command through the same pipeline as a person's request, and deletes the rows in the transaction that
/// appends the events, so a crash anywhere before the commit leaves the rows to be claimed again, and a commit leaves
/// nothing behind. Exactly-once escalation does not rest on the lock: the command is idempotent and the append checks
/// the stream version, so a timer fired twice (a slow node, a lost acknowledgement) appends at most once.
/// </summary>
/// <remarks>
/// The claim transaction holds a transaction id from its first locked row, and that holds back the global event feed
/// (see <see cref="Incidents.EventStore.Postgres.Feed.EventFeed"/>). It therefore only reads the claimed incidents and
/// writes; nothing slow (notifications, other networks) ever happens inside it.
/// </remarks>
public sealed class DeadlineTimerWorker
{
    private static readonly TimeSpan MaxFaultBackoff = TimeSpan.FromSeconds(5);

    private readonly PostgresEventStore _store;
    private readonly NpgsqlDataSource _dataSource;
    private readonly CommandPipeline _pipeline;
    private readonly TimeProvider _time;
    private readonly DeadlineTimerOptions _options;
    private readonly DeadlineTimerMetrics _metrics;
    private readonly IncidentsMetrics _incidents;
    private readonly ILogger<DeadlineTimerWorker> _logger;
    private readonly AsyncSignal[] _wakeUps;

    public DeadlineTimerWorker(
        PostgresEventStore store,
        NpgsqlDataSource dataSource,
        CommandPipeline pipeline,
        SignalHub signals,
        TimeProvider time,
        IOptions<DeadlineTimerOptions> options,
        DeadlineTimerMetrics metrics,
        IncidentsMetrics incidents,
        ILogger<DeadlineTimerWorker> logger)
    {
        _store = store;
        _dataSource = dataSource;
        _pipeline = pipeline;
        _time = time;
        _options = options.Value;
        _metrics = metrics;
        _incidents = incidents;
        _logger = logger;

        // One wake-up per loop: a signal wakes every loop, each of which then claims what it can.
        _wakeUps = Enumerable.Range(0, Math.Max(0, _options.Workers)).Select(_ => signals.Subscribe(SignalChannels.Timers)).ToArray();
    }

    /// <summary>Runs the configured number of claim loops until cancelled; if one fails, the others stop and the failure surfaces.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (_wakeUps.Length == 0)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, _time, cancellationToken);
            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var loops = _wakeUps.Select(wakeUp => Task.Run(() => RunLoopAsync(wakeUp, stop.Token), stop.Token)).ToList();
        var first = await Task.WhenAny(loops);
        await stop.CancelAsync();
        await Task.WhenAll(loops.Select(loop => loop.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default)));
        await first;
    }

    private async Task RunLoopAsync(AsyncSignal wakeUp, CancellationToken cancellationToken)
    {
        var faults = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            TimeSpan wait;
            try
            {
                var batch = await FireDueAsync(onlyKey: null, cancellationToken);
                faults = 0;
                if (batch.Conflicted || batch.Claimed >= _options.BatchSize)
                {
                    continue;
                }

                wait = await TimeUntilNextDueAsync(batch, cancellationToken);
            }
            catch (Exception e) when (IsTransient(e) && !cancellationToken.IsCancellationRequested)
            {
                faults++;
                wait = TimeSpan.FromTicks(Math.Min(TimeSpan.FromMilliseconds(100).Ticks << Math.Min(faults - 1, 10), MaxFaultBackoff.Ticks));
                _logger.LogWarning(e, "Could not fire deadline timers; trying again in {Backoff}", wait);
            }

            if (wait > TimeSpan.Zero)
            {
                await wakeUp.WaitAsync(wait, _time, cancellationToken);
            }
        }
    }

    /// <summary>Claims and fires one batch (or the one timer <paramref name="onlyKey"/>) in one transaction.</summary>
    private async Task<BatchOutcome> FireDueAsync(string? onlyKey, CancellationToken cancellationToken)
    {
        IReadOnlyList<DueTimer> claimed = [];
        using var spans = new TimerFiringSpans();
        try
        {
            await using var unit = _store.BeginUnitOfWork();
            var connection = await unit.OpenTransactionAsync(cancellationToken);
            var now = _time.GetUtcNow();
            claimed = await DueTimerRows.ClaimAsync(
                connection, now, _options.BatchSize, onlyKey, _options.ClaimTransactionTimeout, cancellationToken);
            if (claimed.Count == 0)
            {
                return new BatchOutcome(0, Conflicted: false, now);
            }

            var (fired, postponed) = await PrepareAsync(unit, claimed, now, spans, cancellationToken);
            using (spans.Committing())
            {
                await unit.CommitAsync(cancellationToken);
            }

            var committedAt = _time.GetUtcNow();
            foreach (var timer in fired)
            {
                _metrics.RecordFired(committedAt - timer.Timer.DueAt, timer.Applied is not null);
                if (timer.Applied is { } applied)
                {
                    _incidents.Committed(applied.Events, global::Incidents.Projections.WireName.Of(applied.State.Kind));
                }
            }

            foreach (var _ in postponed)
            {
                _metrics.RecordFailed();
            }

            return new BatchOutcome(claimed.Count, Conflicted: false, now);
        }
        catch (WrongExpectedVersionException e)
        {
            // A person changed one of the incidents between our read and our write: decide again on what they wrote.
            spans.Failed(e);
            _metrics.RecordConflict();
            _logger.LogDebug(e, "A timer batch lost a race with another writer; retrying it");
            return new BatchOutcome(claimed.Count, Conflicted: true, _time.GetUtcNow());
        }
        catch (Exception e) when (claimed.Count > 0 && !IsTransient(e) && e is not OperationCanceledException)
        {
            spans.Failed(e);
            if (claimed.Count > 1)
            {
                // Something in the batch cannot commit: fire each timer alone, so only the culprit is postponed.
                _logger.LogWarning(e, "A batch of {Count} timers failed; firing them one by one", claimed.Count);
                foreach (var timer in claimed)
                {
                    await FireDueAsync(timer.Key, cancellationToken);
                }
            }
            else
            {
                await PostponeAsync(claimed[0], e, cancellationToken);
            }

            return new BatchOutcome(claimed.Count, Conflicted: false, _time.GetUtcNow());
        }
    }

    private async Task<(List<FiredTimer> Fired, List<DueTimer> Postponed)> PrepareAsync(
        UnitOfWork unit, IReadOnlyList<DueTimer> claimed, DateTimeOffset now, TimerFiringSpans spans, CancellationToken cancellationToken)
    {
        var incidents = await LoadClaimedIncidentsAsync(claimed, cancellationToken);
        var fired = new List<FiredTimer>(claimed.Count);
        var postponed = new List<DueTimer>();

        // Streams in one order in every batch: two batches that append to the same incidents in opposite orders deadlock.
        foreach (var timer in claimed.OrderBy(t => t.StreamId, StringComparer.Ordinal).ThenBy(t => t.Key, StringComparer.Ordinal))
        {
            using var span = spans.Enter(timer, now);
            CommandRequest request;
            LoadedIncident loaded;
            try
            {
                request = RequestFor(timer);
                loaded = incidents.TryGetValue(timer.StreamId, out var known) ? known : await _pipeline.LoadAsync(request.IncidentId, cancellationToken);
            }
            catch (Exception e) when (e is not (OperationCanceledException or NpgsqlException or TimeoutException))
            {
                unit.Add(DueTimerRows.Postpone(timer.Key, Describe(e), now + RetryDelay(timer.Attempts + 1)));
                LogPostponed(timer, e);
                spans.Postponed(timer, e);
                postponed.Add(timer);
                continue;
            }

            spans.Loaded(timer, loaded);
            var outcome = _pipeline.Prepare(unit, loaded, request);
            spans.Decided(timer, outcome is CommandOutcome.Applied ? "escalated" : outcome is CommandOutcome.Unchanged ? "unchanged" : "refused");
            if (outcome is CommandOutcome.Applied applied)
            {
                // Two timers of one incident in one batch: the second is decided on what the first appended.
                incidents[timer.StreamId] = new LoadedIncident(applied.State, applied.Version);
            }
            else if (outcome is not CommandOutcome.Unchanged)
            {
                _logger.LogWarning("Timer {TimerKey} was not fired: {Outcome}", timer.Key, outcome);
            }

            fired.Add(new FiredTimer(timer, outcome as CommandOutcome.Applied));
        }

        if (fired.Count > 0)
        {
            unit.Add(DueTimerRows.Delete(fired.Select(f => f.Timer.Key).ToList()));
        }

        return (fired, postponed);
    }

    /// <summary>
    /// The incidents of a claimed batch in one read instead of one per timer. If any of them cannot be read, none is
    /// preloaded: each timer then loads its own incident, so that only the timers of the unreadable one are postponed.
    /// </summary>
    private async Task<Dictionary<string, LoadedIncident>> LoadClaimedIncidentsAsync(IReadOnlyList<DueTimer> claimed, CancellationToken cancellationToken)
    {
        var ids = claimed.Select(t => IncidentId.TryParseStreamId(t.StreamId, out var id) ? id : (IncidentId?)null).ToList();
        if (ids.Contains(null))
        {
            return new Dictionary<string, LoadedIncident>(StringComparer.Ordinal);
        }

        try
        {
            var loaded = await _pipeline.LoadManyAsync(ids.Select(id => id!.Value).ToList(), cancellationToken);
            return loaded.ToDictionary(pair => pair.Key.StreamId, pair => pair.Value, StringComparer.Ordinal);
        }
        catch (Exception e) when (e is not (OperationCanceledException or NpgsqlException or TimeoutException))
        {
            _logger.LogDebug(e, "Could not read the incidents of a timer batch together; reading them one by one");
            return new Dictionary<string, LoadedIncident>(StringComparer.Ordinal);
        }
    }

    private static CommandRequest RequestFor(DueTimer timer)
    {
        if (timer.MessageType != EscalationTimerMessage.MessageType)
        {
            throw new UnreadableTimerException($"No handler runs timers of type '{timer.MessageType}'.");
        }

        EscalationTimerMessage message;
        try
        {
            message = JsonSerializer.Deserialize<EscalationTimerMessage>(timer.PayloadJson, WireJson.Options)
                ?? throw new UnreadableTimerException("The timer's payload is null.");
        }
        catch (JsonException e)
        {
            throw new UnreadableTimerException($"The timer's payload does not parse: {e.Message}", e);
        }

        var incident = new IncidentId(message.IncidentId);
        if (incident.StreamId != timer.StreamId)
        {
            throw new UnreadableTimerException($"The timer's payload names {incident.StreamId}, but the row belongs to {timer.StreamId}.");
        }

        return new CommandRequest(
            incident, message.ToCommand(), SystemActors.DeadlineTimers, ExpectedIncidentVersion.Any,
            CorrelationId: "timer:" + timer.Key, CommandId: Guid.CreateVersion7().ToString("D"));
    }

    private async Task PostponeAsync(DueTimer timer, Exception error, CancellationToken cancellationToken)
    {
        await using var unit = _store.BeginUnitOfWork();
        unit.Add(DueTimerRows.Postpone(timer.Key, Describe(error), _time.GetUtcNow() + RetryDelay(timer.Attempts + 1)));
        await unit.CommitAsync(cancellationToken);
        LogPostponed(timer, error);
        _metrics.RecordFailed();
    }

    private async Task<TimeSpan> TimeUntilNextDueAsync(BatchOutcome batch, CancellationToken cancellationToken)
    {
        var next = await DueTimerRows.NextDueAsync(_dataSource, cancellationToken);
        if (next is null)
        {
            return _options.PollInterval;
        }

        var until = next.Value - _time.GetUtcNow();
        if (until > TimeSpan.Zero)
        {
            return until < _options.PollInterval ? until : _options.PollInterval;
        }

        // A timer that was already due when we claimed, yet not claimed, is held by another loop: give it a moment.
        // One that came due since is simply claimed now.
        return batch.Claimed == 0 && next.Value <= batch.ClaimedAt ? _options.BusyRetry : TimeSpan.Zero;
    }

    private TimeSpan RetryDelay(int attempt) =>
        TimeSpan.FromTicks(Math.Min(_options.FailedRetry.Ticks * (1L << Math.Clamp(attempt - 1, 0, 20)), _options.FailedRetryCap.Ticks));

    private void LogPostponed(DueTimer timer, Exception error)
    {
        if (timer.Attempts + 1 >= _options.PoisonedAfter)
        {
            _logger.LogError(error, "Timer {TimerKey} failed {Attempts} times; it is retried less and less often", timer.Key, timer.Attempts + 1);
        }
        else
        {
            _logger.LogWarning(error, "Timer {TimerKey} failed; it is postponed", timer.Key);
        }
    }

    private static string Describe(Exception e) => $"{e.GetType().Name}: {e.Message}";

    /// <summary>
    /// Faults of the moment, not of a timer: lost connections, and statements the database cancelled after
    /// <see cref="DeadlineTimerOptions.ClaimTransactionTimeout"/> (usually a lock another transaction held too long).
    /// </summary>
    private static bool IsTransient(Exception e) =>
        e is NpgsqlException { IsTransient: true } or TimeoutException
            or PostgresException { SqlState: PostgresErrorCodes.QueryCanceled or PostgresErrorCodes.LockNotAvailable };

    private sealed record FiredTimer(DueTimer Timer, CommandOutcome.Applied? Applied);

    private readonly record struct BatchOutcome(int Claimed, bool Conflicted, DateTimeOffset ClaimedAt);
}
