namespace Incidents.EventStore.Postgres.Signals;

/// <summary>LISTEN/NOTIFY channel names. Notifications only wake readers early; every reader also polls.</summary>
public static class SignalChannels
{
    public const string Events = "incidents_events";
    public const string Timers = "incidents_timers";
}
