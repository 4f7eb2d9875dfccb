namespace Incidents.EventStore.Postgres.Streams;

/// <summary>
/// Stored with every event: who acted and in which role, the correlation id that ties one request's effects together,
/// the causation id (the command) that produced the event, and the W3C trace parent of the span that appended it, so
/// that work done later because of the event (projections, timers) joins the same trace.
/// </summary>
public sealed record EventMetadata(string ActorId, string ActorRole, string CorrelationId, string CausationId, string? TraceParent = null);
