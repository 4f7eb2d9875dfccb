namespace Incidents.EventStore.Postgres.Streams;

/// <summary>
/// Stored with every event: who acted and in which role, the correlation id that ties one request's effects together,
/// and the causation id (the command) that produced the event.
/// </summary>
public sealed record EventMetadata(string ActorId, string ActorRole, string CorrelationId, string CausationId);
