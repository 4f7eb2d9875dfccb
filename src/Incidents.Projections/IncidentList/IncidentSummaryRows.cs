using Npgsql;

namespace Incidents.Projections.IncidentList;

/// <summary>Reads rows of the incident list; "overdue" is decided here, against the reader's clock.</summary>
internal static class IncidentSummaryRows
{
    public const string Columns = """
        incident_id, version, kind, platform, account_handle, account_url, status, department, assignee,
        reported_by, reported_at, current_step, next_due_at, escalation_level, open_steps,
        statements_awaiting_approval, updated_at, closed_at
        """;

    public static IncidentSummary Read(NpgsqlDataReader reader, DateTimeOffset now)
    {
        var status = reader.GetString(6);
        DateTimeOffset? nextDue = reader.IsDBNull(12) ? null : reader.GetFieldValue<DateTimeOffset>(12);
        return new IncidentSummary(
            reader.GetGuid(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
            Text(reader, 5), status, Text(reader, 7), Text(reader, 8), reader.GetString(9),
            reader.GetFieldValue<DateTimeOffset>(10), Text(reader, 11), nextDue,
            status != "closed" && nextDue <= now, reader.GetInt32(13), reader.GetInt32(14), reader.GetInt32(15),
            reader.GetFieldValue<DateTimeOffset>(16), reader.IsDBNull(17) ? null : reader.GetFieldValue<DateTimeOffset>(17));
    }

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
