using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Incidents.Api.Notifications.Outbox;

/// <summary>
/// Reports notifications waiting, retrying and given up. Given-up notifications in the last day, or one waiting for more
/// than an hour, make the service degraded: someone who should have been told was not. Destinations this node has paused
/// (their circuit is open) are listed, without changing the status: the receiver is failing, not this service.
/// </summary>
public sealed class OutboxHealthCheck(NpgsqlDataSource dataSource, TimeProvider time, DeliveryCircuits circuits) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        var now = time.GetUtcNow();
        try
        {
            await using var command = dataSource.CreateCommand("""
                select count(*) filter (where delivered_at is null and abandoned_at is null),
                       count(*) filter (where delivered_at is null and abandoned_at is null and attempts > 0),
                       count(*) filter (where delivered_at is null and abandoned_at is null and created_at < $1 - interval '1 hour'),
                       count(*) filter (where abandoned_at > $1 - interval '1 day')
                  from outbox
                """);
            command.Parameters.Add(new() { Value = now });
            await using var reader = await command.ExecuteReaderAsync(timeout.Token);
            await reader.ReadAsync(timeout.Token);
            var (waiting, retrying, late, abandoned) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
            var data = new Dictionary<string, object>
            {
                ["waiting"] = waiting, ["retrying"] = retrying, ["waitingOverAnHour"] = late, ["abandonedToday"] = abandoned,
                ["pausedDestinations"] = circuits.NotClosed(),
            };
            return late == 0 && abandoned == 0
                ? HealthCheckResult.Healthy("Notifications are delivered.", data)
                : HealthCheckResult.Degraded(
                    $"{late} notification(s) waiting over an hour, {abandoned} given up in the last day; see outbox.last_error.", data: data);
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("Cannot read the outbox.", e is OperationCanceledException ? null : e);
        }
    }
}
