namespace Incidents.Api.Notifications;

/// <summary>
/// The circuit breaker in front of each destination (a webhook URL, the SMTP server); bound from
/// <c>Notifications:CircuitBreaker</c>. Within <see cref="SamplingDuration"/>, once at least
/// <see cref="MinimumThroughput"/> attempts were made and <see cref="FailureRatio"/> of them failed, the destination is
/// left alone for <see cref="BreakDuration"/>; then one trial delivery decides whether it is tried again normally.
/// </summary>
public sealed class DeliveryCircuitOptions
{
    public double FailureRatio { get; set; } = 0.5;

    public int MinimumThroughput { get; set; } = 4;

    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);
}
