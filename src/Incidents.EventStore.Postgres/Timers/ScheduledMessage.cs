namespace Incidents.EventStore.Postgres.Timers;

/// <summary>
/// A message to run at <paramref name="DueAt"/>. <paramref name="Key"/> is unique: scheduling the same key twice keeps
/// the first. <paramref name="Group"/> lets one statement cancel related timers (all escalations of one step).
/// <paramref name="TraceParent"/> is the W3C id of the span that scheduled it, so its firing joins that trace.
/// </summary>
public sealed record ScheduledMessage(
    string Key, string StreamId, string Group, DateTimeOffset DueAt, string MessageType, string PayloadJson, string? TraceParent = null);
