using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Incidents.Api.Deadlines;

/// <summary>
/// Reports the timers table: how many are pending, retrying and poisoned. Poisoned timers (failed again and again) make
/// the service degraded, not unready: every other timer still fires, but a person must look at the failing one.
/// </summary>
public sealed class DeadlineTimersHealthCheck(
    NpgsqlDataSource dataSource, TimeProvider time, IOptions<DeadlineTimerOptions> options, DeadlineTimerMetrics metrics) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            await using var command = dataSource.CreateCommand("""
                select count(*), count(*) filter (where due_at <= $1), count(*) filter (where attempts > 0),
                       count(*) filter (where attempts >= $2)
                  from timers
                """);
            command.Parameters.Add(new() { Value = time.GetUtcNow() });
            command.Parameters.Add(new() { Value = options.Value.PoisonedAfter });
            await using var reader = await command.ExecuteReaderAsync(timeout.Token);
            await reader.ReadAsync(timeout.Token);
            var poisoned = reader.GetInt64(3);
            var data = new Dictionary<string, object>
            {
                ["pending"] = reader.GetInt64(0),
                ["due"] = reader.GetInt64(1),
                ["retrying"] = reader.GetInt64(2),
                ["poisoned"] = poisoned,
                ["firedByThisNode"] = metrics.Fired,
                ["failedOnThisNode"] = metrics.Failed,
            };
            return poisoned == 0
                ? HealthCheckResult.Healthy("Deadline timers fire.", data)
                : HealthCheckResult.Degraded(
                    $"{poisoned} timer(s) failed {options.Value.PoisonedAfter} times or more; see timers.last_error.", data: data);
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("Cannot read the timers table.", e is OperationCanceledException ? null : e);
        }
    }
}
