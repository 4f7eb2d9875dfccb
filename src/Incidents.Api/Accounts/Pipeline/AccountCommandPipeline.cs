using Incidents.Api.Access;
using Incidents.Domain.Accounts;
using Incidents.Domain.Accounts.Commands;
using Incidents.Domain.Accounts.Events;
using Incidents.Domain.Accounts.State;
using Incidents.Domain.Decisions;
using Incidents.EventStore.Postgres;
using Incidents.EventStore.Postgres.Resilience;
using Incidents.EventStore.Postgres.Streams;
using Incidents.Projections.OfficialAccounts;
using Npgsql;

namespace Incidents.Api.Accounts.Pipeline;

/// <summary>
/// The one way an official account changes: load its stream, fold it, check If-Match, decide, and commit the events
/// with the registry's rows in one batch, so the public list and the check read what was just written.
/// </summary>
public sealed class AccountCommandPipeline(PostgresEventStore store, TimeProvider time, TransientFaultRetry retry)
{
    private const int MaxConflictRetries = 5;

    public static Refusal HandleTaken { get; } = Refusal.Conflict(
        "handle-already-registered",
        "Another official account already has this handle on this platform. Check the registry (GET /api/accounts) before opening or renaming.");

    public Task<AccountOutcome> ExecuteAsync(AccountCommandRequest request, CancellationToken cancellationToken)
    {
        var attempts = 0;
        return retry.ExecuteAsync<AccountOutcome>(async token =>
        {
            for (var conflicts = 0; ; conflicts++)
            {
                var loaded = await LoadAsync(request.AccountId, token);
                if (attempts++ > 0 && loaded.Version > 0 &&
                    await store.HasCausationAsync(request.AccountId.StreamId, request.CommandId, token))
                {
                    // An earlier attempt committed, but its acknowledgement was lost with the connection.
                    return new AccountOutcome.Applied(loaded.State, loaded.Version, []);
                }

                if (loaded.Version > 0 && !request.Expected.Matches(loaded.Version))
                {
                    return new AccountOutcome.PreconditionFailed(loaded.Version);
                }

                var now = time.GetUtcNow();
                var decision = request.Command.Decide(loaded.State, new AccountCommandContext(request.Actor, now));
                if (decision.Refusal is { } refusal)
                {
                    return new AccountOutcome.Refused(refusal);
                }

                if (decision.Events.Count == 0)
                {
                    return new AccountOutcome.Unchanged(loaded.State, loaded.Version);
                }

                await using var unit = store.BeginUnitOfWork();
                var applied = Record(unit, loaded, request, decision.Events, now);
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
                    return new AccountOutcome.PreconditionFailed((await LoadAsync(request.AccountId, token)).Version);
                }
                catch (PostgresException e) when (e is { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: OfficialAccountsProjection.CurrentHandleIndex })
                {
                    return new AccountOutcome.Refused(HandleTaken);
                }
            }
        }, cancellationToken);
    }

    public async Task<LoadedAccount> LoadAsync(OfficialAccountId id, CancellationToken cancellationToken)
    {
        var events = await store.ReadStreamAsync(id.StreamId, 0, cancellationToken);
        return new LoadedAccount(AccountState.Fold(events.Select(e => (IAccountEvent)e.Data)), events.Count == 0 ? 0 : events[^1].StreamVersion);
    }

    private static AccountOutcome.Applied Record(
        UnitOfWork unit, LoadedAccount loaded, AccountCommandRequest request, IReadOnlyList<IAccountEvent> events, DateTimeOffset now)
    {
        var after = events.Aggregate(loaded.State, (state, e) => state.Apply(e));
        var version = loaded.Version + events.Count;
        unit.Append(
            request.AccountId.StreamId,
            loaded.Version == 0 ? ExpectedVersion.NoStream : ExpectedVersion.Exactly(loaded.Version),
            events.Cast<object>().ToList(),
            new EventMetadata(request.Actor.Id, RoleNames.Of(request.Actor.Role), request.CorrelationId, request.CommandId));
        foreach (var write in OfficialAccountsProjection.Writes(loaded.State, after, version, now))
        {
            unit.Add(write);
        }

        return new AccountOutcome.Applied(after, version, events);
    }
}
