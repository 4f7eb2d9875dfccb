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
    public const string Table = "incident_summaries";

    private const string Columns = """
        incident_id, version, kind, platform, account_handle, account_url, status, department, assignee,
        reported_by, reported_at, current_step, next_due_at, escalation_level, open_steps,
        statements_awaiting_approval, updated_at, closed_at
        """;

    private const string Excluded = """
        excluded.version, excluded.kind, excluded.platform, excluded.account_handle, excluded.account_url,
        excluded.status, excluded.department, excluded.assignee, excluded.reported_by, excluded.reported_at,
        excluded.current_step, excluded.next_due_at, excluded.escalation_level, excluded.open_steps,
        excluded.statements_awaiting_approval, excluded.updated_at, excluded.closed_at
        """;

    private const string UpdatedColumns = """
        version, kind, platform, account_handle, account_url, status, department, assignee, reported_by, reported_at,
        current_step, next_due_at, escalation_level, open_steps, statements_awaiting_approval, updated_at, closed_at
        """;

    private static string UpsertSql(string table) => $"""
        insert into {table} as target ({Columns})
        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
        on conflict (incident_id) do update set ({UpdatedColumns}) = ({Excluded})
        where target.version < excluded.version
        """;

    /// <summary>
    /// Copies into <paramref name="into"/> every row of <paramref name="from"/> that is newer there (by version): a
    /// rebuild's shadow takes what commands wrote to the live table while it was being built.
    /// </summary>
    public static string MergeNewerSql(string from, string into) => $"""
        insert into {into} as target ({Columns})
        select {Columns} from {from}
        on conflict (incident_id) do update set ({UpdatedColumns}) = ({Excluded})
        where target.version < excluded.version
        """;

    public static NpgsqlBatchCommand Upsert(IncidentState state, long version, DateTimeOffset updatedAt) =>
        Upsert(state, version, updatedAt, Table);

    /// <summary>The same row written to another table: a rebuild's shadow.</summary>
    public static NpgsqlBatchCommand Upsert(IncidentState state, long version, DateTimeOffset updatedAt, string table)
    {
        var open = state.Steps.Where(s => s.IsOpen).OrderBy(s => s.DueAt).ToList();
        var awaitingApproval = state.Statements.Count(s => s.Status == StatementStatus.Draft);
        return new NpgsqlBatchCommand(UpsertSql(table))
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
