namespace Incidents.Api.Notifications;

/// <summary>How notifications are delivered; bound from the <c>Notifications</c> configuration section.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>The CloudEvents <c>source</c> of every webhook delivery: a URI reference naming this service.</summary>
    public string Source { get; set; } = "/incidents";

    /// <summary>Where people open the service (for links in e-mails), for example https://incidents.town.example.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Outbox rows leased and delivered at a time, and how many of them are delivered in parallel.</summary>
    public int BatchSize { get; set; } = 16;

    public int Parallelism { get; set; } = 4;

    /// <summary>The safety net: how long the dispatcher sleeps when nothing is due and no wake-up arrives.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a lease lasts; must outlast one delivery with its immediate retries.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Retries within one lease (Polly, with exponential backoff and jitter) before the row is put back.</summary>
    public int ImmediateRetries { get; set; } = 2;

    public TimeSpan ImmediateRetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>After a failed lease the row comes due again after this, doubling each time up to <see cref="RetryCap"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan RetryCap { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Leases after which a notification is given up on (and shows in health).</summary>
    public int MaxAttempts { get; set; } = 15;

    /// <summary>The longest one webhook POST may take, from connecting to the answer's headers.</summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a delivered notification stays in the outbox (to answer "was this sent, and when?").</summary>
    public TimeSpan DeliveredRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often each node deletes delivered notifications older than <see cref="DeliveredRetention"/>.</summary>
    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>When this node stops trying a webhook URL or the SMTP server that keeps failing (per destination).</summary>
    public DeliveryCircuitOptions CircuitBreaker { get; set; } = new();
}
