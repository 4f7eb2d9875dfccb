using Npgsql;
using NpgsqlTypes;

namespace Incidents.Projections.IncidentList;

/// <summary>
/// The incident list by urgency: overdue first (longest overdue on top), then by the nearest deadline, then newest;
/// and the counts per kind and status. "Overdue" compares deadlines with the caller's clock.
/// </summary>
public sealed class UrgentIncidentsQuery(NpgsqlDataSource dataSource)
{
    private const string Where = """
         where ($1::text is null or kind = $1)
           and (($2::text is null and status <> 'closed') or status = $2)
           and (not $3 or (status <> 'closed' and next_due_at <= $4))
        """;

    public async Task<IReadOnlyList<IncidentSummary>> ReadAsync(UrgentIncidentsFilter filter, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            select {IncidentSummaryRows.Columns}
              from {IncidentSummaryProjection.Table}
            {Where}
             order by (status <> 'closed' and next_due_at <= $4) desc, next_due_at nulls last, reported_at desc, incident_id
             limit $5
            """);
        command.Parameters.Add(new() { Value = (object?)filter.Kind ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)filter.Status ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = filter.OverdueOnly });
        command.Parameters.Add(new() { Value = now });
        command.Parameters.Add(new() { Value = filter.Limit });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var items = new List<IncidentSummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(IncidentSummaryRows.Read(reader, now));
        }

        return items;
    }

    public async Task<IReadOnlyList<IncidentCount>> CountAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            select kind, status, count(*), count(*) filter (where status <> 'closed' and next_due_at <= $1)
              from {IncidentSummaryProjection.Table}
             group by kind, status
             order by kind, status
            """);
        command.Parameters.Add(new() { Value = now });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new List<IncidentCount>();
        while (await reader.ReadAsync(cancellationToken))
        {
            counts.Add(new IncidentCount(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3)));
        }

        return counts;
    }

}
