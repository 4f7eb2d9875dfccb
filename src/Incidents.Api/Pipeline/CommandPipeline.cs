using Incidents.Domain.Access;
using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Commands;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Incidents.State;
using Incidents.Domain.Runbooks;
using Incidents.EventStore.Postgres;
using Incidents.EventStore.Postgres.Resilience;
using Incidents.EventStore.Postgres.Streams;
using System.Diagnostics;
using Incidents.Api.Access;
using Incidents.Api.Telemetry;

namespace Incidents.Api.Pipeline;

/// <summary>
/// The one way anything changes an incident, whether a person's request, a timer or automation:
/// load the stream, fold it, check If-Match, decide, and commit events with every participant's writes atomically.
/// </summary>
public sealed class CommandPipeline(
    PostgresEventStore store,
    RunbookCatalog runbooks,
    TimeProvider time,
    TransientFaultRetry retry,
    IEnumerable<IIncidentWriteParticipant> participants,
    IncidentsMetrics metrics)
{
    /// <summary>With <c>If-Match: *</c> a lost race is decided again on the new state, up to this many times.</summary>
    private const int MaxConflictRetries = 5;

    private readonly IReadOnlyList<IIncidentWriteParticipant> _participants = participants.ToList();

    public async Task<CommandOutcome> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var name = CommandName(request.Command);
        using var activity = IncidentsTracing.Source.StartActivity("command " + name);
        activity?.SetTag("incident.id", request.IncidentId.ToString());
        activity?.SetTag("incidents.command", name);
        activity?.SetTag("incidents.actor.role", RoleNames.Of(request.Actor.Role));
        var started = time.GetTimestamp();
        var outcome = await ExecuteWithRetriesAsync(request, cancellationToken);
        var outcomeName = OutcomeName(outcome);
        activity?.SetTag("incidents.outcome", outcomeName);
        if (outcome is CommandOutcome.Applied applied)
        {
            activity?.SetTag("incident.kind", WireKind(applied.State));
            metrics.Committed(applied.Events, WireKind(applied.State));
        }

        metrics.CommandCompleted(name, outcomeName, time.GetElapsedTime(started));
        return outcome;
    }

    private async Task<CommandOutcome> ExecuteWithRetriesAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (!request.Command.PermittedRoles.Contains(request.Actor.Role))
        {
            return new CommandOutcome.Forbidden($"The role '{RoleNames.Of(request.Actor.Role)}' may not do this.");
        }

        var attempts = 0;
        return await retry.ExecuteAsync(async token =>
        {
            for (var conflicts = 0; ; conflicts++)
            {
                var loaded = attempts == 0 && request.NewIncident ? LoadedIncident.Nothing : await LoadAsync(request.IncidentId, token);
                if (attempts++ > 0 && loaded.Version > 0 &&
                    await store.HasCausationAsync(request.IncidentId.StreamId, request.CommandId, token))
                {
                    // An earlier attempt committed, but its acknowledgement was lost with the connection.
                    return new CommandOutcome.Applied(loaded.State, loaded.Version, []);
                }

                await using var unit = store.BeginUnitOfWork();
                var outcome = Prepare(unit, loaded, request);
                if (outcome is not CommandOutcome.Applied applied)
                {
                    return outcome;
                }

                request.BeforeCommit?.Invoke(unit, applied);
                try
                {
                    await unit.CommitAsync(token);
                    return applied;
                }
                catch (WrongExpectedVersionException) when (request.Expected.Version is null && conflicts < MaxConflictRetries)
                {
                    // Someone appended between our read and our write; decide again on what they wrote.
                }
                catch (WrongExpectedVersionException) when (request.Expected.Version is not null)
                {
                    var current = await LoadAsync(request.IncidentId, token);
                    return new CommandOutcome.PreconditionFailed(current.Version);
                }
            }
        }, cancellationToken);
    }

    public async Task<LoadedIncident> LoadAsync(IncidentId id, CancellationToken cancellationToken)
    {
        var events = await store.ReadStreamAsync(id.StreamId, 0, cancellationToken);
        var state = IncidentState.Fold(events.Select(e => (IIncidentEvent)e.Data));
        return new LoadedIncident(state, events.Count == 0 ? 0 : events[^1].StreamVersion);
    }

    /// <summary>Several incidents in one read; one that does not exist comes back at version 0, as from <see cref="LoadAsync"/>.</summary>
    public async Task<IReadOnlyDictionary<IncidentId, LoadedIncident>> LoadManyAsync(
        IReadOnlyCollection<IncidentId> ids, CancellationToken cancellationToken)
    {
        var streams = await store.ReadStreamsAsync(ids.Select(id => id.StreamId).ToList(), cancellationToken);
        return ids.Distinct().ToDictionary(id => id, id => streams.TryGetValue(id.StreamId, out var events)
            ? new LoadedIncident(IncidentState.Fold(events.Select(e => (IIncidentEvent)e.Data)), events[^1].StreamVersion)
            : LoadedIncident.Nothing);
    }

    /// <summary>
    /// Decides the command on the loaded state and, if it produces events, adds them and every participant's writes to
    /// <paramref name="unit"/> without committing. The timer worker calls this inside its claim transaction.
    /// </summary>
    public CommandOutcome Prepare(UnitOfWork unit, LoadedIncident loaded, CommandRequest request)
    {
        if (loaded.Version > 0 && !request.Expected.Matches(loaded.Version))
        {
            return new CommandOutcome.PreconditionFailed(loaded.Version);
        }

        var now = time.GetUtcNow();
        using var deciding = IncidentsTracing.Source.StartActivity("decide " + CommandName(request.Command));
        deciding?.SetTag("incident.id", request.IncidentId.ToString());
        deciding?.SetTag("incident.kind", loaded.Version > 0 ? WireKind(loaded.State) : null);
        var decision = request.Command.Decide(loaded.State, new CommandContext(request.Actor, now, runbooks));
        deciding?.SetTag("incidents.decision.events", decision.Events.Count);
        deciding?.SetTag("incidents.decision.refusal", decision.Refusal?.Code);
        deciding?.Dispose();
        if (decision.Refusal is { } refusal)
        {
            return new CommandOutcome.Refused(refusal, loaded.Version);
        }

        if (decision.Events.Count == 0)
        {
            return new CommandOutcome.Unchanged(loaded.State, loaded.Version);
        }

        return Record(unit, request.IncidentId, loaded, decision.Events, request.Actor, request.CorrelationId, request.CommandId, now);
    }

    /// <summary>
    /// Adds decided events to <paramref name="unit"/>, expecting the stream at the loaded version, with every
    /// participant's writes, without committing. <see cref="Prepare"/> uses it for one incident; a command that changes
    /// several incidents at once (a merge) calls it once per incident on one unit of work.
    /// </summary>
    public CommandOutcome.Applied Record(
        UnitOfWork unit, IncidentId id, LoadedIncident loaded, IReadOnlyList<IIncidentEvent> events, Actor actor,
        string correlationId, string commandId, DateTimeOffset now)
    {
        var after = events.Aggregate(loaded.State, (state, e) => state.Apply(e));
        var version = loaded.Version + events.Count;
        var traceParent = Activity.Current?.Id;
        var metadata = new EventMetadata(actor.Id, RoleNames.Of(actor.Role), correlationId, commandId, traceParent);
        unit.Append(
            id.StreamId,
            loaded.Version == 0 ? ExpectedVersion.NoStream : ExpectedVersion.Exactly(loaded.Version),
            events.Cast<object>().ToList(),
            metadata);

        var change = new IncidentChange(loaded.State, after, version, events, actor, now, runbooks.For(after.Kind), correlationId, traceParent);
        foreach (var participant in _participants)
        {
            participant.Contribute(unit, change);
        }

        return new CommandOutcome.Applied(after, version, events);
    }

    private static string CommandName(IIncidentCommand command) => command.GetType().Name;

    private static string WireKind(IncidentState state) => global::Incidents.Projections.WireName.Of(state.Kind);

    private static string OutcomeName(CommandOutcome outcome) => outcome switch
    {
        CommandOutcome.Applied => "applied",
        CommandOutcome.Unchanged => "unchanged",
        CommandOutcome.Refused => "refused",
        CommandOutcome.PreconditionFailed => "precondition-failed",
        _ => "forbidden",
    };
}
