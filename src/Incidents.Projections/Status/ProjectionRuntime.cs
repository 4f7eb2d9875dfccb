using System.Collections.Concurrent;
using Incidents.EventStore.Postgres.Feed;

namespace Incidents.Projections.Status;

/// <summary>What this node knows first-hand about each projection: whether it leads it, and its last batch.</summary>
public sealed class ProjectionRuntime
{
    private readonly ConcurrentDictionary<string, ProjectionRuntimeState> _states = new(StringComparer.Ordinal);

    public void Leading(string name) => _states.AddOrUpdate(
        name, _ => new ProjectionRuntimeState(true, null, null, null, 0), (_, s) => s with { IsLeader = true });

    public void SteppedDown(string name) => _states.AddOrUpdate(
        name, _ => new ProjectionRuntimeState(false, null, null, null, 0), (_, s) => s with { IsLeader = false });

    public void Applied(string name, FeedPosition checkpoint, TimeSpan lag, DateTimeOffset at, int events) => _states.AddOrUpdate(
        name,
        _ => new ProjectionRuntimeState(true, checkpoint, lag, at, events),
        (_, s) => s with { Checkpoint = checkpoint, LastLag = lag, LastBatchAt = at, EventsApplied = s.EventsApplied + events });

    public ProjectionRuntimeState? Of(string name) => _states.TryGetValue(name, out var state) ? state : null;

    public IReadOnlyDictionary<string, ProjectionRuntimeState> Snapshot() => _states.ToDictionary(StringComparer.Ordinal);
}
