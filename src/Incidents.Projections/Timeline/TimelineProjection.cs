using Incidents.Domain.Incidents.Events;
using Incidents.EventStore.Postgres.Streams;
using Incidents.Projections.Runner;
using Npgsql;

namespace Incidents.Projections.Timeline;

/// <summary>
/// The per-incident timeline: a mark for every event, and a row for every opening of a step with its deadline, its
/// escalations and how it ended. Step rows of the incidents in a batch are loaded once, changed in memory in event
/// order, and written back with one statement, so a rebuild moves thousands of events per round trip.
/// </summary>
public sealed class TimelineProjection : IAsyncProjection
{
    public const string ProjectionName = "incident-timeline";
    public const string EventsTable = "timeline_events";
    public const string StepsTable = "timeline_steps";

    private const string StepColumns = """
        incident_id, step_key, generation, status, opened_at, due_at, finished_at, finished_by, escalations,
        escalation_level, last_escalated_at, assignee
        """;

    public string Name => ProjectionName;

    public IReadOnlyList<string> Tables { get; } = [EventsTable, StepsTable];

    public async Task ApplyAsync(IReadOnlyList<RecordedEvent> events, ProjectionWriteContext context, CancellationToken cancellationToken)
    {
        var incidentEvents = IncidentStreamEvents.Of(events, Name).ToList();
        if (incidentEvents.Count == 0)
        {
            return;
        }

        var steps = await LoadStepsAsync(context, incidentEvents.Select(e => e.Event.IncidentId).Distinct().ToArray(), cancellationToken);
        var latest = steps.Keys.GroupBy(k => (k.Item1, k.Item2)).ToDictionary(g => g.Key, g => g.Max(k => k.Item3));
        var changed = new HashSet<(Guid, string, int)>();
        var marks = new List<TimelineMark>(incidentEvents.Count);
        foreach (var (recorded, e) in incidentEvents)
        {
            marks.Add(MarkOf(recorded, e));
            if (Apply(steps, latest, e) is { } key)
            {
                changed.Add(key);
            }
        }

        await using var batch = new NpgsqlBatch(context.Connection);
        batch.BatchCommands.Add(InsertMarks(context.Table(EventsTable), marks));
        if (changed.Count > 0)
        {
            batch.BatchCommands.Add(UpsertSteps(context.Table(StepsTable), changed.Select(k => steps[k]).ToList()));
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private (Guid, string, int)? Apply(
        Dictionary<(Guid, string, int), TimelineStepRow> steps, Dictionary<(Guid, string), int> latest, IIncidentEvent e)
    {
        switch (e)
        {
            case StepOpened o:
                var previous = latest.TryGetValue((o.IncidentId, o.StepKey), out var last) ? steps[(o.IncidentId, o.StepKey, last)] : null;
                steps[(o.IncidentId, o.StepKey, o.Generation)] = new TimelineStepRow(
                    o.IncidentId, o.StepKey, o.Generation, "open", o.At, o.DueAt, null, null, 0, 0, null, previous?.Assignee);
                latest[(o.IncidentId, o.StepKey)] = o.Generation;
                return (o.IncidentId, o.StepKey, o.Generation);
            case StepAssigned a:
                var generation = latest.TryGetValue((a.IncidentId, a.StepKey), out var g) ? g : throw Missing(a, a.StepKey);
                steps[(a.IncidentId, a.StepKey, generation)] = steps[(a.IncidentId, a.StepKey, generation)] with { Assignee = a.Assignee };
                return (a.IncidentId, a.StepKey, generation);
            case StepCompleted c:
                return Change(steps, c, c.StepKey, c.Generation, s => s with { Status = "completed", FinishedAt = c.At, FinishedBy = c.By });
            case StepWaived w:
                return Change(steps, w, w.StepKey, w.Generation, s => s with { Status = "waived", FinishedAt = w.At, FinishedBy = w.By });
            case StepEscalated x:
                return Change(steps, x, x.StepKey, x.Generation, s => s with
                {
                    Escalations = x.Escalation, EscalationLevel = x.Level, LastEscalatedAt = x.At,
                });
            case IncidentReported or IncidentAcknowledged or IncidentAssigned or OfficersReported or TakedownRequested
                or PlatformAnswerRecorded or PasswordRotated or PostsDeleted or PcScanned or StatementDrafted or StatementRevised
                or StatementApproved or StatementPublished or PoliceContacted or SpreadChecked or IncidentResolved
                or IncidentClosed or IncidentReopened
                or GenuineAccountLinked or AdditionalReportReceived or IncidentMerged or IncidentMergedInto:
                return null;
            default:
                throw IncidentStreamEvents.Unhandled(Name, e);
        }
    }

    private (Guid, string, int) Change(
        Dictionary<(Guid, string, int), TimelineStepRow> steps, IIncidentEvent e, string stepKey, int generation,
        Func<TimelineStepRow, TimelineStepRow> change)
    {
        var key = (e.IncidentId, stepKey, generation);
        steps[key] = change(steps.TryGetValue(key, out var row) ? row : throw Missing(e, stepKey));
        return key;
    }

    private UnhandledEventException Missing(IIncidentEvent e, string stepKey) =>
        new(Name, e.GetType().Name, $"step '{stepKey}' of incident {e.IncidentId} was never opened.");

    private static TimelineMark MarkOf(RecordedEvent recorded, IIncidentEvent e) => new(
        e.IncidentId, recorded.StreamVersion, recorded.Position, recorded.Type, e.At.ToUniversalTime(),
        recorded.Metadata.ActorId, recorded.Metadata.ActorRole,
        e switch
        {
            StepOpened o => o.StepKey,
            StepAssigned a => a.StepKey,
            StepCompleted c => c.StepKey,
            StepWaived w => w.StepKey,
            StepEscalated x => x.StepKey,
            _ => null,
        },
        e switch
        {
            StatementDrafted d => d.StatementId,
            StatementRevised r => r.StatementId,
            StatementApproved a => a.StatementId,
            StatementPublished p => p.StatementId,
            _ => null,
        },
        e is StepEscalated escalated ? escalated.Level : null,
        e is StepEscalated notified ? WireName.Of(notified.NotifiedRole) : null);

    private static async Task<Dictionary<(Guid, string, int), TimelineStepRow>> LoadStepsAsync(
        ProjectionWriteContext context, Guid[] incidents, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"select {StepColumns} from {context.Table(StepsTable)} where incident_id = any($1)", context.Connection);
        command.Parameters.Add(new() { Value = incidents });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var steps = new Dictionary<(Guid, string, int), TimelineStepRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new TimelineStepRow(
                reader.GetGuid(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3),
                reader.GetFieldValue<DateTimeOffset>(4), reader.GetFieldValue<DateTimeOffset>(5),
                reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6), reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.GetInt32(8), reader.GetInt32(9),
                reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10), reader.IsDBNull(11) ? null : reader.GetString(11));
            steps[(row.IncidentId, row.StepKey, row.Generation)] = row;
        }

        return steps;
    }

    private static NpgsqlBatchCommand InsertMarks(string table, List<TimelineMark> marks) => new($"""
        insert into {table} (incident_id, stream_version, position, type, occurred_at, actor_id, actor_role, step_key,
                             statement_id, escalation_level, notified_role)
        select * from unnest($1::uuid[], $2::bigint[], $3::bigint[], $4::text[], $5::timestamptz[], $6::text[], $7::text[],
                             $8::text[], $9::uuid[], $10::int[], $11::text[])
        """)
    {
        Parameters =
        {
            new() { Value = marks.Select(m => m.IncidentId).ToArray() },
            new() { Value = marks.Select(m => m.StreamVersion).ToArray() },
            new() { Value = marks.Select(m => m.Position).ToArray() },
            new() { Value = marks.Select(m => m.Type).ToArray() },
            new() { Value = marks.Select(m => m.OccurredAt).ToArray() },
            new() { Value = marks.Select(m => m.ActorId).ToArray() },
            new() { Value = marks.Select(m => m.ActorRole).ToArray() },
            new() { Value = marks.Select(m => m.StepKey).ToArray() },
            new() { Value = marks.Select(m => m.StatementId).ToArray() },
            new() { Value = marks.Select(m => m.EscalationLevel).ToArray() },
            new() { Value = marks.Select(m => m.NotifiedRole).ToArray() },
        },
    };

    private static NpgsqlBatchCommand UpsertSteps(string table, List<TimelineStepRow> rows) => new($"""
        insert into {table} ({StepColumns})
        select * from unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::timestamptz[], $6::timestamptz[],
                             $7::timestamptz[], $8::text[], $9::int[], $10::int[], $11::timestamptz[], $12::text[])
        on conflict (incident_id, step_key, generation) do update set
            status = excluded.status, opened_at = excluded.opened_at, due_at = excluded.due_at,
            finished_at = excluded.finished_at, finished_by = excluded.finished_by, escalations = excluded.escalations,
            escalation_level = excluded.escalation_level, last_escalated_at = excluded.last_escalated_at,
            assignee = excluded.assignee
        """)
    {
        Parameters =
        {
            new() { Value = rows.Select(r => r.IncidentId).ToArray() },
            new() { Value = rows.Select(r => r.StepKey).ToArray() },
            new() { Value = rows.Select(r => r.Generation).ToArray() },
            new() { Value = rows.Select(r => r.Status).ToArray() },
            new() { Value = rows.Select(r => r.OpenedAt.ToUniversalTime()).ToArray() },
            new() { Value = rows.Select(r => r.DueAt.ToUniversalTime()).ToArray() },
            new() { Value = rows.Select(r => r.FinishedAt?.ToUniversalTime()).ToArray() },
            new() { Value = rows.Select(r => r.FinishedBy).ToArray() },
            new() { Value = rows.Select(r => r.Escalations).ToArray() },
            new() { Value = rows.Select(r => r.EscalationLevel).ToArray() },
            new() { Value = rows.Select(r => r.LastEscalatedAt?.ToUniversalTime()).ToArray() },
            new() { Value = rows.Select(r => r.Assignee).ToArray() },
        },
    };
}
