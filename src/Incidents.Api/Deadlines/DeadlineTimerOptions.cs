namespace Incidents.Api.Deadlines;

/// <summary>How the deadline timer worker runs; bound from the <c>Deadlines</c> configuration section.</summary>
public sealed class DeadlineTimerOptions
{
    public const string Section = "Deadlines";

    /// <summary>Concurrent claim loops on this node; 0 turns the worker off (another node fires the timers).</summary>
    public int Workers { get; set; } = 2;

    /// <summary>Timers claimed and fired in one transaction.</summary>
    public int BatchSize { get; set; } = 16;

    /// <summary>The safety net: how long a loop sleeps when no timer is due and no wake-up arrives.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The longest a claim transaction may run a statement or sit idle before the database ends it. Claims take
    /// milliseconds; this only bounds a node that hangs while holding one.
    /// </summary>
    public TimeSpan ClaimTransactionTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How soon to look again when due timers exist but other loops hold all of them.</summary>
    public TimeSpan BusyRetry { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>A timer that cannot be fired is tried again after this, doubling each time up to <see cref="FailedRetryCap"/>.</summary>
    public TimeSpan FailedRetry { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan FailedRetryCap { get; set; } = TimeSpan.FromHours(1);

    /// <summary>After this many failed attempts a timer counts as poisoned in health and metrics (it keeps being retried).</summary>
    public int PoisonedAfter { get; set; } = 5;
}
