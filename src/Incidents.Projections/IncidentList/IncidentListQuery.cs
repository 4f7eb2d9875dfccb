using Npgsql;
using NpgsqlTypes;

namespace Incidents.Projections.IncidentList;

/// <summary>Reads the incident list; "overdue" compares the next deadline with the caller's clock.</summary>
public sealed class IncidentListQuery(NpgsqlDataSource dataSource)
{
    private const string Where = """
         where ($1::text is null or kind = $1)
           and ($2::text is null or status = $2)
           and ($3::boolean is null or ($3 = (status <> 'closed' and next_due_at is not null and next_due_at <= $4)))
        """;

    public async Task<IncidentListPage> ReadAsync(IncidentListFilter filter, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        var select = new NpgsqlBatchCommand($"""
            select {IncidentSummaryRows.Columns}
              from incident_summaries
            {Where}
             order by reported_at desc, incident_id
             limit $5 offset $6
            """);
        AddFilter(select, filter, now);
        select.Parameters.Add(new() { Value = filter.PageSize });
        select.Parameters.Add(new() { Value = (long)(filter.Page - 1) * filter.PageSize });
        var count = new NpgsqlBatchCommand($"select count(*) from incident_summaries {Where}");
        AddFilter(count, filter, now);
        batch.BatchCommands.Add(select);
        batch.BatchCommands.Add(count);

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var items = new List<IncidentSummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(IncidentSummaryRows.Read(reader, now));
        }

        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new IncidentListPage(items, filter.Page, filter.PageSize, reader.GetInt64(0));
    }

    private static void AddFilter(NpgsqlBatchCommand command, IncidentListFilter filter, DateTimeOffset now)
    {
        command.Parameters.Add(new() { Value = filter.Kind is { } kind ? WireName.Of(kind) : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = filter.Status is { } status ? WireName.Of(status) : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = filter.Overdue is { } overdue ? overdue : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Boolean });
        command.Parameters.Add(new() { Value = now });
    }

}
