using Incidents.Projections.IncidentList;
using Npgsql;

namespace Incidents.Projections.Overdue;

/// <summary>The overdue queue: open steps of open incidents whose deadline has passed by the caller's clock, oldest deadline first.</summary>
public sealed class OverdueQueueQuery(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<OverdueStep>> ReadAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            select d.incident_id, d.step_key, d.due_at, d.escalation_level, d.assignee, s.kind, s.account_handle, s.department
              from {OverdueQueueProjection.DeadlinesTable} d
              join {IncidentSummaryProjection.Table} s on s.incident_id = d.incident_id
             where d.status = 'open' and not d.incident_closed and d.due_at <= $1
             order by d.due_at, d.incident_id, d.step_key
             limit $2
            """);
        command.Parameters.Add(new() { Value = now });
        command.Parameters.Add(new() { Value = limit });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var steps = new List<OverdueStep>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var due = reader.GetFieldValue<DateTimeOffset>(2);
            steps.Add(new OverdueStep(
                reader.GetGuid(0), reader.GetString(1), due, now - due, reader.GetInt32(3), reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetString(5), reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7)));
        }

        return steps;
    }

    /// <summary>How many steps are overdue at <paramref name="now"/>, by incident kind (kinds with none are absent).</summary>
    public async Task<IReadOnlyDictionary<string, long>> CountByKindAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            select s.kind, count(*)
              from {OverdueQueueProjection.DeadlinesTable} d
              join {IncidentSummaryProjection.Table} s on s.incident_id = d.incident_id
             where d.status = 'open' and not d.incident_closed and d.due_at <= $1
             group by s.kind
            """);
        command.Parameters.Add(new() { Value = now });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return counts;
    }
}
