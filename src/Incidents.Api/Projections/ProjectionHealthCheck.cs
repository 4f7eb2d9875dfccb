using Incidents.Projections.Checkpoints;
using Incidents.Projections.Status;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Incidents.Api.Projections;

/// <summary>
/// Unhealthy while any projection is stopped at an event it cannot handle; degraded while one lags more than a
/// minute. The detail shows every checkpoint, lag and pending count.
/// </summary>
public sealed class ProjectionHealthCheck(ProjectionStatusQuery statuses, TimeProvider time) : IHealthCheck
{
    private static readonly TimeSpan TolerableLag = TimeSpan.FromMinutes(1);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var all = await statuses.ReadAsync(time.GetUtcNow(), cancellationToken);
        var data = all.ToDictionary(s => s.Name, s => (object)ProjectionStatusView.From(s));
        var faulted = all.Where(s => s.Status == CheckpointStatus.Faulted).ToList();
        if (faulted.Count > 0)
        {
            return HealthCheckResult.Unhealthy(
                "Stopped at an event they cannot handle: " +
                string.Join("; ", faulted.Select(s => $"{s.Name} at {s.Fault?.Position} ({s.Fault?.EventType}): {s.Fault?.Reason}")),
                data: data);
        }

        var lagging = all.Where(s => s.Lag > TolerableLag).ToList();
        return lagging.Count > 0
            ? HealthCheckResult.Degraded($"Lagging: {string.Join(", ", lagging.Select(s => $"{s.Name} {s.Lag.TotalSeconds:F0} s"))}.", data: data)
            : HealthCheckResult.Healthy("Every projection runs and keeps up.", data);
    }
}
