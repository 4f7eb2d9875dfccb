using Incidents.Domain.Incidents.State;
using Incidents.Domain.Incidents;
using Npgsql;
using NpgsqlTypes;

namespace Incidents.Projections.IncidentList;

/// <summary>
/// Inline projection: the incident's list row, computed from its state after the command and written in the same
/// batch as its events. The stream's expected version already serialises writers; the version guard keeps a rebuild
/// from overwriting a newer row.
/// </summary>
public static class IncidentSummaryProjection
{
    private const string UpsertSql = """
        insert into incident_summaries (
            incident_id, version, kind, platform, account_handle, account_url, status, department, assignee,
            reported_by, reported_at, current_step, next_due_at, escalation_level, open_steps,
            statements_awaiting_approval, updated_at, closed_at)
        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
        on conflict (incident_id) do update set
            version = excluded.version, kind = excluded.kind, platform = excluded.platform,
            account_handle = excluded.account_handle, account_url = excluded.account_url, status = excluded.status,
            department = excluded.department, assignee = excluded.assignee, reported_by = excluded.reported_by,
            reported_at = excluded.reported_at, current_step = excluded.current_step, next_due_at = excluded.next_due_at,
            escalation_level = excluded.escalation_level, open_steps = excluded.open_steps,
            statements_awaiting_approval = excluded.statements_awaiting_approval, updated_at = excluded.updated_at,
            closed_at = excluded.closed_at
        where incident_summaries.version < excluded.version
        """;

    public static NpgsqlBatchCommand Upsert(IncidentState state, long version, DateTimeOffset updatedAt)
    {
        var open = state.Steps.Where(s => s.IsOpen).OrderBy(s => s.DueAt).ToList();
        var awaitingApproval = state.Statements.Count(s => s.Status == StatementStatus.Draft);
        return new NpgsqlBatchCommand(UpsertSql)
        {
            Parameters =
            {
                new() { Value = state.Id },
                new() { Value = version },
                new() { Value = WireName.Of(state.Kind) },
                new() { Value = WireName.Of(state.Platform) },
                new() { Value = state.AccountHandle },
                Nullable(state.AccountUrl),
                new() { Value = WireName.Of(state.Status) },
                Nullable(state.Department),
                Nullable(state.Assignee),
                new() { Value = state.ReportedBy },
                new() { Value = state.ReportedAt },
                Nullable(open.FirstOrDefault()?.Key),
                new() { Value = open.Count > 0 ? open[0].DueAt : DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz },
                new() { Value = open.Count > 0 ? open.Max(s => s.EscalationLevel) : 0 },
                new() { Value = open.Count },
                new() { Value = awaitingApproval },
                new() { Value = updatedAt },
                new() { Value = state.ClosedAt is { } closed ? closed : DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz },
            },
        };
    }

    private static NpgsqlParameter Nullable(string? value) =>
        new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };
}
