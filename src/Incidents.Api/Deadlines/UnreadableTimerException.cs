namespace Incidents.Api.Deadlines;

/// <summary>A timer row that no handler can run: an unknown message type, or a payload that does not parse.</summary>
public sealed class UnreadableTimerException(string message, Exception? inner = null) : Exception(message, inner);
