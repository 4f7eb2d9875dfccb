using Npgsql;

namespace Incidents.Projections.Metrics;

/// <summary>Median and 90th percentile (percentile_cont) of each response time, per kind and per month in Asia/Tokyo.</summary>
public sealed class ResponseMetricsQuery(NpgsqlDataSource dataSource)
{
    public const string TimeZone = "Asia/Tokyo";

    public async Task<IReadOnlyList<MonthlyResponseMetrics>> ReadAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            with times as (
                select kind,
                       date_trunc('month', reported_at at time zone '{TimeZone}')::date as month,
                       extract(epoch from reported_to_ciso_at - reported_at) as to_ciso,
                       extract(epoch from takedown_requested_at - reported_at) as to_takedown,
                       extract(epoch from first_statement_at - reported_at) as to_statement,
                       extract(epoch from closed_at - reported_at) as to_close
                  from {ResponseMetricsProjection.TimesTable}
                 where reported_at >= $1)
            select kind, month, count(*),
                   count(to_ciso), percentile_cont(0.5) within group (order by to_ciso), percentile_cont(0.9) within group (order by to_ciso),
                   count(to_takedown), percentile_cont(0.5) within group (order by to_takedown), percentile_cont(0.9) within group (order by to_takedown),
                   count(to_statement), percentile_cont(0.5) within group (order by to_statement), percentile_cont(0.9) within group (order by to_statement),
                   count(to_close), percentile_cont(0.5) within group (order by to_close), percentile_cont(0.9) within group (order by to_close)
              from times
             group by kind, month
             order by month, kind
            """);
        command.Parameters.Add(new() { Value = since.ToUniversalTime() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<MonthlyResponseMetrics>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new MonthlyResponseMetrics(
                reader.GetString(0), DateOnly.FromDateTime(reader.GetDateTime(1)), reader.GetInt64(2),
                Statistic(reader, 3), Statistic(reader, 6), Statistic(reader, 9), Statistic(reader, 12)));
        }

        return rows;
    }

    private static ResponseStatistic Statistic(NpgsqlDataReader reader, int ordinal) => new(
        reader.GetInt64(ordinal), Seconds(reader, ordinal + 1), Seconds(reader, ordinal + 2));

    private static TimeSpan? Seconds(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : TimeSpan.FromSeconds(reader.GetDouble(ordinal));
}
