using Incidents.Domain.Incidents.Events;
using Incidents.EventStore.Postgres.Streams;
using Incidents.Projections.Runner;
using Npgsql;

namespace Incidents.Projections.Overdue;

/// <summary>
/// The overdue queue's table: each step's latest opening with its deadline, status and escalation, and whether its
/// incident is closed. The rows of a batch's incidents are loaded once, changed in order, written back at once.
/// </summary>
public sealed class OverdueQueueProjection : IAsyncProjection
{
    public const string ProjectionName = "overdue-queue";
    public const string DeadlinesTable = "step_deadlines";

    private const string Columns = """
        incident_id, step_key, generation, status, opened_at, due_at, escalations, escalation_level, assignee, incident_closed
        """;

    public string Name => ProjectionName;

    public IReadOnlyList<string> Tables { get; } = [DeadlinesTable];

    public async Task ApplyAsync(IReadOnlyList<RecordedEvent> events, ProjectionWriteContext context, CancellationToken cancellationToken)
    {
        var incidentEvents = IncidentStreamEvents.Of(events, Name).Select(e => e.Event).ToList();
        if (incidentEvents.Count == 0)
        {
            return;
        }

        var table = context.Table(DeadlinesTable);
        var rows = await LoadAsync(context, table, incidentEvents.Select(e => e.IncidentId).Distinct().ToArray(), cancellationToken);
        var closed = rows.Values.Where(r => r.IncidentClosed).Select(r => r.IncidentId).ToHashSet();
        var changed = new HashSet<(Guid, string)>();
        foreach (var e in incidentEvents)
        {
            changed.UnionWith(Apply(rows, closed, e));
        }

        if (changed.Count == 0)
        {
            return;
        }

        await using var upsert = Upsert(context, table, changed.Select(k => rows[k]).ToList());
        await upsert.ExecuteNonQueryAsync(cancellationToken);
    }

    private IEnumerable<(Guid, string)> Apply(Dictionary<(Guid, string), StepDeadlineRow> rows, HashSet<Guid> closed, IIncidentEvent e)
    {
        switch (e)
        {
            case StepOpened o:
                var key = (o.IncidentId, o.StepKey);
                rows[key] = new StepDeadlineRow(
                    o.IncidentId, o.StepKey, o.Generation, "open", o.At, o.DueAt, 0, 0,
                    rows.TryGetValue(key, out var previous) ? previous.Assignee : null, closed.Contains(o.IncidentId));
                return [key];
            case StepAssigned a:
                return Change(rows, a, a.StepKey, r => r with { Assignee = a.Assignee });
            case StepCompleted c:
                return Change(rows, c, c.StepKey, r => r.Generation == c.Generation ? r with { Status = "completed" } : r);
            case StepWaived w:
                return Change(rows, w, w.StepKey, r => r.Generation == w.Generation ? r with { Status = "waived" } : r);
            case StepEscalated x:
                return Change(rows, x, x.StepKey, r => r.Generation == x.Generation
                    ? r with { Escalations = x.Escalation, EscalationLevel = x.Level }
                    : r);
            case IncidentClosed:
                closed.Add(e.IncidentId);
                return MarkIncident(rows, e.IncidentId, closed: true);
            case IncidentReopened:
                closed.Remove(e.IncidentId);
                return MarkIncident(rows, e.IncidentId, closed: false);
            case IncidentReported or IncidentAcknowledged or IncidentAssigned or OfficersReported or TakedownRequested
                or PlatformAnswerRecorded or PasswordRotated or PostsDeleted or PcScanned or StatementDrafted or StatementRevised
                or StatementApproved or StatementPublished or PoliceContacted or SpreadChecked or IncidentResolved
                or GenuineAccountLinked or AdditionalReportReceived or IncidentMerged or IncidentMergedInto:
                return [];
            default:
                throw IncidentStreamEvents.Unhandled(Name, e);
        }
    }

    private (Guid, string)[] Change(
        Dictionary<(Guid, string), StepDeadlineRow> rows, IIncidentEvent e, string stepKey, Func<StepDeadlineRow, StepDeadlineRow> change)
    {
        var key = (e.IncidentId, stepKey);
        rows[key] = change(rows.TryGetValue(key, out var row)
            ? row
            : throw new UnhandledEventException(Name, e.GetType().Name, $"step '{stepKey}' of incident {e.IncidentId} was never opened."));
        return [key];
    }

    private static List<(Guid, string)> MarkIncident(Dictionary<(Guid, string), StepDeadlineRow> rows, Guid incidentId, bool closed)
    {
        var keys = rows.Keys.Where(k => k.Item1 == incidentId).ToList();
        foreach (var key in keys)
        {
            rows[key] = rows[key] with { IncidentClosed = closed };
        }

        return keys;
    }

    private static async Task<Dictionary<(Guid, string), StepDeadlineRow>> LoadAsync(
        ProjectionWriteContext context, string table, Guid[] incidents, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"select {Columns} from {table} where incident_id = any($1)", context.Connection);
        command.Parameters.Add(new() { Value = incidents });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new Dictionary<(Guid, string), StepDeadlineRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new StepDeadlineRow(
                reader.GetGuid(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3),
                reader.GetFieldValue<DateTimeOffset>(4), reader.GetFieldValue<DateTimeOffset>(5), reader.GetInt32(6), reader.GetInt32(7),
                reader.IsDBNull(8) ? null : reader.GetString(8), reader.GetBoolean(9));
            rows[(row.IncidentId, row.StepKey)] = row;
        }

        return rows;
    }

    private static NpgsqlCommand Upsert(ProjectionWriteContext context, string table, List<StepDeadlineRow> rows) => new($"""
        insert into {table} ({Columns})
        select * from unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::timestamptz[], $6::timestamptz[], $7::int[],
                             $8::int[], $9::text[], $10::boolean[])
        on conflict (incident_id, step_key) do update set
            generation = excluded.generation, status = excluded.status, opened_at = excluded.opened_at,
            due_at = excluded.due_at, escalations = excluded.escalations, escalation_level = excluded.escalation_level,
            assignee = excluded.assignee, incident_closed = excluded.incident_closed
        """, context.Connection)
    {
        Parameters =
        {
            new() { Value = rows.Select(r => r.IncidentId).ToArray() },
            new() { Value = rows.Select(r => r.StepKey).ToArray() },
            new() { Value = rows.Select(r => r.Generation).ToArray() },
            new() { Value = rows.Select(r => r.Status).ToArray() },
            new() { Value = rows.Select(r => r.OpenedAt.ToUniversalTime()).ToArray() },
            new() { Value = rows.Select(r => r.DueAt.ToUniversalTime()).ToArray() },
            new() { Value = rows.Select(r => r.Escalations).ToArray() },
            new() { Value = rows.Select(r => r.EscalationLevel).ToArray() },
            new() { Value = rows.Select(r => r.Assignee).ToArray() },
            new() { Value = rows.Select(r => r.IncidentClosed).ToArray() },
        },
    };
}
