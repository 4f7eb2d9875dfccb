using Incidents.Domain.Incidents.Commands;
using Incidents.Domain.Runbooks;
using Incidents.EventStore.Postgres;
using Incidents.EventStore.Postgres.Resilience;
using Incidents.EventStore.Postgres.Streams;

namespace Incidents.Api.Pipeline;

/// <summary>
/// The multi-stream path beside <see cref="CommandPipeline"/>: loads the survivor and the duplicate, decides the merge
/// on both, and appends to both streams in one unit of work, each at the version it was decided on, with every write
/// participant (timers, list rows, open-account claims) for each. Either both streams change or neither does.
/// </summary>
public sealed class IncidentMergePipeline(
    CommandPipeline pipeline, PostgresEventStore store, RunbookCatalog runbooks, TimeProvider time, TransientFaultRetry retry)
{
    private const int MaxConflictRetries = 5;

    public Task<CommandOutcome> ExecuteAsync(MergeRequest request, CancellationToken cancellationToken) =>
        retry.ExecuteAsync<CommandOutcome>(async token =>
        {
            for (var conflicts = 0; ; conflicts++)
            {
                var survivor = await pipeline.LoadAsync(request.SurvivorId, token);
                var duplicate = await pipeline.LoadAsync(request.DuplicateId, token);
                if (survivor.Version > 0 && !request.Expected.Matches(survivor.Version))
                {
                    return new CommandOutcome.PreconditionFailed(survivor.Version);
                }

                var now = time.GetUtcNow();
                var decision = request.Command.Decide(survivor.State, duplicate.State, new CommandContext(request.Actor, now, runbooks));
                if (decision.Refusal is { } refusal)
                {
                    return new CommandOutcome.Refused(refusal, survivor.Version);
                }

                if (decision.SurvivorEvents.Count == 0)
                {
                    return new CommandOutcome.Unchanged(survivor.State, survivor.Version);
                }

                await using var unit = store.BeginUnitOfWork();
                var applied = pipeline.Record(
                    unit, request.SurvivorId, survivor, decision.SurvivorEvents, request.Actor, request.CorrelationId, request.CommandId, now);
                pipeline.Record(
                    unit, request.DuplicateId, duplicate, decision.DuplicateEvents, request.Actor, request.CorrelationId, request.CommandId, now);
                request.BeforeCommit?.Invoke(unit, applied);
                try
                {
                    await unit.CommitAsync(token);
                    return applied;
                }
                catch (WrongExpectedVersionException e) when (e.StreamId == request.SurvivorId.StreamId && request.Expected.Version is not null)
                {
                    return new CommandOutcome.PreconditionFailed((await pipeline.LoadAsync(request.SurvivorId, token)).Version);
                }
                catch (WrongExpectedVersionException) when (conflicts < MaxConflictRetries)
                {
                    // One of the two changed between our read and our write; decide again on what is there now.
                }
            }
        }, cancellationToken);
}
