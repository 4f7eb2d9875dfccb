using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Incidents.Api.Health;

public sealed class BackgroundLoopHealthCheck(BackgroundLoopStatus loops) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = loops.Snapshot();
        var data = snapshot.ToDictionary(l => l.Key, l => (object)l.Value.Detail);
        var failing = snapshot.Where(l => !l.Value.Healthy).Select(l => l.Key).ToList();
        return Task.FromResult(failing.Count == 0
            ? HealthCheckResult.Healthy("All background loops run.", data)
            : HealthCheckResult.Unhealthy($"Not running: {string.Join(", ", failing)}.", data: data));
    }
}
