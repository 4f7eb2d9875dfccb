namespace Incidents.EventStore.Postgres.Streams;

/// <summary>Another writer appended to the stream first. Nothing of this unit of work was written.</summary>
public sealed class WrongExpectedVersionException(string streamId, ExpectedVersion expected)
    : Exception($"Stream '{streamId}' is not at version {expected}; another writer appended first.")
{
    public string StreamId { get; } = streamId;

    public ExpectedVersion Expected { get; } = expected;

    /// <summary>PostgreSQL error code raised by append_events.</summary>
    public const string SqlState = "IE409";
}
