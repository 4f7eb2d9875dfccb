using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Events;
using Incidents.EventStore.Postgres.Streams;
using Incidents.Projections.Runner;
using Npgsql;

namespace Incidents.Projections.Metrics;

/// <summary>
/// Response times per incident: the first report to the CISO, the first takedown request, the first published
/// statement, and the close (cleared again by a reopen, set again by the next close).
/// </summary>
public sealed class ResponseMetricsProjection : IAsyncProjection
{
    public const string ProjectionName = "response-metrics";
    public const string TimesTable = "response_times";

    private const string Columns = """
        incident_id, kind, reported_at, reported_to_ciso_at, takedown_requested_at, first_statement_at, closed_at
        """;

    public string Name => ProjectionName;

    public IReadOnlyList<string> Tables { get; } = [TimesTable];

    public async Task ApplyAsync(IReadOnlyList<RecordedEvent> events, ProjectionWriteContext context, CancellationToken cancellationToken)
    {
        var incidentEvents = IncidentStreamEvents.Of(events, Name).Select(e => e.Event).ToList();
        if (incidentEvents.Count == 0)
        {
            return;
        }

        var table = context.Table(TimesTable);
        var rows = await LoadAsync(context, table, incidentEvents.Select(e => e.IncidentId).Distinct().ToArray(), cancellationToken);
        var changed = new HashSet<Guid>();
        foreach (var e in incidentEvents)
        {
            if (Apply(rows, e))
            {
                changed.Add(e.IncidentId);
            }
        }

        if (changed.Count == 0)
        {
            return;
        }

        await using var upsert = Upsert(context, table, changed.Select(id => rows[id]).ToList());
        await upsert.ExecuteNonQueryAsync(cancellationToken);
    }

    private bool Apply(Dictionary<Guid, ResponseTimesRow> rows, IIncidentEvent e)
    {
        if (e is IncidentReported reported)
        {
            rows[reported.IncidentId] = new ResponseTimesRow(
                reported.IncidentId, WireName.Of(reported.Kind), reported.At, null, null, null, null);
            return true;
        }

        ResponseTimesRow Row() => rows.TryGetValue(e.IncidentId, out var row)
            ? row
            : throw new UnhandledEventException(Name, e.GetType().Name, $"incident {e.IncidentId} was never reported.");

        switch (e)
        {
            case OfficersReported o when o.Recipients.Contains(Officer.Ciso) && Row().ReportedToCisoAt is null:
                rows[e.IncidentId] = Row() with { ReportedToCisoAt = o.At };
                return true;
            case TakedownRequested t when Row().TakedownRequestedAt is null:
                rows[e.IncidentId] = Row() with { TakedownRequestedAt = t.At };
                return true;
            case StatementPublished p when Row().FirstStatementAt is null:
                rows[e.IncidentId] = Row() with { FirstStatementAt = p.At };
                return true;
            case IncidentClosed c:
                rows[e.IncidentId] = Row() with { ClosedAt = c.At };
                return true;
            case IncidentReopened:
                rows[e.IncidentId] = Row() with { ClosedAt = null };
                return true;
            case OfficersReported or TakedownRequested or StatementPublished:
                return false;
            case IncidentAcknowledged or IncidentAssigned or StepOpened or StepAssigned or StepCompleted or StepWaived
                or StepEscalated or PlatformAnswerRecorded or PasswordRotated or PostsDeleted or PcScanned or StatementDrafted
                or StatementRevised or StatementApproved or PoliceContacted or SpreadChecked or IncidentResolved
                or GenuineAccountLinked or AdditionalReportReceived or IncidentMerged or IncidentMergedInto:
                return false;
            default:
                throw IncidentStreamEvents.Unhandled(Name, e);
        }
    }

    private static async Task<Dictionary<Guid, ResponseTimesRow>> LoadAsync(
        ProjectionWriteContext context, string table, Guid[] incidents, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"select {Columns} from {table} where incident_id = any($1)", context.Connection);
        command.Parameters.Add(new() { Value = incidents });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new Dictionary<Guid, ResponseTimesRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows[reader.GetGuid(0)] = new ResponseTimesRow(
                reader.GetGuid(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), Nullable(reader, 3),
                Nullable(reader, 4), Nullable(reader, 5), Nullable(reader, 6));
        }

        return rows;
    }

    private static DateTimeOffset? Nullable(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);

    private static NpgsqlCommand Upsert(ProjectionWriteContext context, string table, List<ResponseTimesRow> rows) => new($"""
        insert into {table} ({Columns})
        select * from unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::timestamptz[], $5::timestamptz[], $6::timestamptz[],
                             $7::timestamptz[])
        on conflict (incident_id) do update set
            kind = excluded.kind, reported_at = excluded.reported_at, reported_to_ciso_at = excluded.reported_to_ciso_at,
            takedown_requested_at = excluded.takedown_requested_at, first_statement_at = excluded.first_statement_at,
            closed_at = excluded.closed_at
        """, context.Connection)
    {
        Parameters =
        {
            new() { Value = rows.Select(r => r.IncidentId).ToArray() },
            new() { Value = rows.Select(r => r.Kind).ToArray() },
            new() { Value = rows.Select(r => r.ReportedAt.ToUniversalTime()).ToArray() },
            new() { Value = rows.Select(r => r.ReportedToCisoAt?.ToUniversalTime()).ToArray() },
            new() { Value = rows.Select(r => r.TakedownRequestedAt?.ToUniversalTime()).ToArray() },
            new() { Value = rows.Select(r => r.FirstStatementAt?.ToUniversalTime()).ToArray() },
            new() { Value = rows.Select(r => r.ClosedAt?.ToUniversalTime()).ToArray() },
        },
    };
}
