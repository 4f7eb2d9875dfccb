using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Incidents.Api.Health;

/// <summary>
/// The event feed orders events by the id of the transaction that appended them and shows only those below the
/// cluster's snapshot horizon. Both assume the stored ids came from this cluster's transaction counter. After a logical
/// restore (pg_dump into a new cluster) the counter starts again near zero: restored events sit above the horizon, hidden,
/// and new ones sort before them, behind every projection's checkpoint, skipped for good. Readiness turns red until the
/// counter is moved past the stored ids (docs/operations.md, "Restoring a logical dump").
/// </summary>
public sealed class FeedHorizonHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            await using var command = dataSource.CreateCommand(
                "select (select max(transaction_id) from events)::text, pg_snapshot_xmax(pg_current_snapshot())::text");
            await using var reader = await command.ExecuteReaderAsync(timeout.Token);
            await reader.ReadAsync(timeout.Token);
            var highest = reader.IsDBNull(0) ? 0UL : ulong.Parse(reader.GetString(0), System.Globalization.CultureInfo.InvariantCulture);
            var next = ulong.Parse(reader.GetString(1), System.Globalization.CultureInfo.InvariantCulture);
            var data = new Dictionary<string, object> { ["highestStoredTransactionId"] = highest, ["nextTransactionId"] = next };
            return highest < next
                ? HealthCheckResult.Healthy("Stored events come from this cluster's transaction counter.", data)
                : HealthCheckResult.Unhealthy(
                    $"Stored events carry transaction ids up to {highest}, but this cluster's counter is at {next}: the database was " +
                    "restored from a logical dump into another cluster. Move the counter past the stored ids before serving " +
                    "(docs/operations.md, \"Restoring a logical dump\").", data: data);
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("Cannot read the event feed's horizon.", e is OperationCanceledException ? null : e);
        }
    }
}
