namespace Incidents.Api.Deadlines;

/// <summary>
/// A row of the timers table that has come due and is locked by the claiming transaction. <paramref name="TraceParent"/>
/// is the span of the command that scheduled it.
/// </summary>
public sealed record DueTimer(
    string Key, string StreamId, DateTimeOffset DueAt, string MessageType, string PayloadJson, int Attempts, string? TraceParent = null);
