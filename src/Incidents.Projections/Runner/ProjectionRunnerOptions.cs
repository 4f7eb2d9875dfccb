namespace Incidents.Projections.Runner;

/// <summary>How the runner paces itself. The defaults suit a service; tests shorten the waits.</summary>
public sealed record ProjectionRunnerOptions
{
    /// <summary>Events per live batch: small enough that one batch commits in milliseconds.</summary>
    public int BatchSize { get; init; } = 500;

    /// <summary>Events per rebuild batch: larger, for throughput.</summary>
    public int RebuildBatchSize { get; init; } = 5000;

    /// <summary>The safety net when no wake-up arrives (a lost NOTIFY).</summary>
    public TimeSpan IdlePoll { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The first re-poll when the feed reports an invisible tail; doubles up to <see cref="IdlePoll"/>.</summary>
    public TimeSpan TailPoll { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>How often a node that is not the leader tries to take the lock.</summary>
    public TimeSpan LeadershipPoll { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the leader proves its lock connection alive.</summary>
    public TimeSpan Heartbeat { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>A heartbeat that takes longer than this counts as a lost connection.</summary>
    public TimeSpan HeartbeatTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The server ends a lock session idle this long (idle_session_timeout), so a node that died without closing its
    /// socket frees the lock within this time instead of after the kernel's TCP timeout.
    /// </summary>
    public TimeSpan LockSessionTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
