using Npgsql;

namespace Incidents.Projections.Timeline;

public sealed class TimelineQuery(NpgsqlDataSource dataSource)
{
    public async Task<IncidentTimeline> ReadAsync(Guid incidentId, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"""
            select incident_id, stream_version, position, type, occurred_at, actor_id, actor_role, step_key, statement_id,
                   escalation_level, notified_role
              from {TimelineProjection.EventsTable} where incident_id = $1 order by stream_version
            """) { Parameters = { new() { Value = incidentId } } });
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"""
            select incident_id, step_key, generation, status, opened_at, due_at, finished_at, finished_by, escalations,
                   escalation_level, last_escalated_at, assignee
              from {TimelineProjection.StepsTable} where incident_id = $1 order by opened_at, step_key, generation
            """) { Parameters = { new() { Value = incidentId } } });
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var marks = new List<TimelineMark>();
        while (await reader.ReadAsync(cancellationToken))
        {
            marks.Add(new TimelineMark(
                reader.GetGuid(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetString(3), reader.GetFieldValue<DateTimeOffset>(4),
                reader.GetString(5), reader.GetString(6), Text(reader, 7), reader.IsDBNull(8) ? null : reader.GetGuid(8),
                reader.IsDBNull(9) ? null : reader.GetInt32(9), Text(reader, 10)));
        }

        await reader.NextResultAsync(cancellationToken);
        var steps = new List<TimelineStepRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            steps.Add(new TimelineStepRow(
                reader.GetGuid(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3),
                reader.GetFieldValue<DateTimeOffset>(4), reader.GetFieldValue<DateTimeOffset>(5), Time(reader, 6), Text(reader, 7),
                reader.GetInt32(8), reader.GetInt32(9), Time(reader, 10), Text(reader, 11)));
        }

        return new IncidentTimeline(marks, steps);
    }

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateTimeOffset? Time(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);
}
