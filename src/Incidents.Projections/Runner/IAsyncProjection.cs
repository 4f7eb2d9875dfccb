using Incidents.EventStore.Postgres.Streams;

namespace Incidents.Projections.Runner;

/// <summary>
/// A read model kept behind the append, by following the global feed. The runner hands it batches of events in feed
/// order and commits its writes together with its checkpoint, so it sees every event once, or again after a crash
/// only together with a rolled-back batch.
/// </summary>
public interface IAsyncProjection
{
    /// <summary>Stable name: the key of its checkpoint, its leadership lock and its rebuild.</summary>
    string Name { get; }

    /// <summary>The tables it owns and writes, and nothing else. A rebuild builds shadows of exactly these.</summary>
    IReadOnlyList<string> Tables { get; }

    /// <summary>
    /// Applies the events in order inside the caller's transaction, writing to <see cref="ProjectionWriteContext.Table"/>.
    /// Throws for an event it cannot handle (<see cref="UnhandledEventException"/>): the runner then stops the
    /// projection at that event and reports it, rather than skipping it.
    /// </summary>
    Task ApplyAsync(IReadOnlyList<RecordedEvent> events, ProjectionWriteContext context, CancellationToken cancellationToken);
}
