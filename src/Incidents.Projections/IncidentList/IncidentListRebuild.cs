using System.Diagnostics;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Incidents.State;
using Incidents.EventStore.Postgres.Serialization;
using Incidents.Projections.Rebuild;
using Incidents.Projections.Runner;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Incidents.Projections.IncidentList;

/// <summary>
/// Rebuilds the inline incident list: folds every incident stream (one ordered scan, one snapshot) into a shadow
/// table, then, holding off writers with an EXCLUSIVE lock on the live table (readers go on), merges in every live
/// row that commands made newer meanwhile and swaps the shadow in. Rows are whole states guarded by version, so the
/// merge cannot lose a write.
/// </summary>
public sealed class IncidentListRebuild(ProjectionInfrastructure infrastructure, EventSerializer serializer) : IInlineProjection
{
    public const string ProjectionName = "incident-list";
    private const int RowsPerWrite = 1000;

    private readonly ILogger _logger = infrastructure.Loggers.CreateLogger<IncidentListRebuild>();

    public string Name => ProjectionName;

    public IReadOnlyList<string> Tables { get; } = [IncidentSummaryProjection.Table];

    public async Task RebuildAsync(string liveSchema, CancellationToken cancellationToken)
    {
        if (await infrastructure.Rebuilds.ClaimAsync(Name, infrastructure.Time.GetUtcNow(), cancellationToken) is null)
        {
            return;
        }

        var clock = Stopwatch.StartNew();
        var shadow = new ProjectionTables(ProjectionTables.RebuildSchema, Tables).Qualified(IncidentSummaryProjection.Table);
        var live = new ProjectionTables(liveSchema, Tables).Qualified(IncidentSummaryProjection.Table);
        await using var writer = await infrastructure.DataSource.OpenConnectionAsync(cancellationToken);
        await ShadowTables.CreateAsync(writer, liveSchema, Tables, cancellationToken);
        await infrastructure.Rebuilds.RestartAsync(Name, cancellationToken);
        var processed = await FoldStreamsAsync(writer, shadow, cancellationToken);

        await using (var transaction = await writer.BeginTransactionAsync(cancellationToken))
        {
            await ExecuteAsync(writer, $"lock table {live} in exclusive mode", cancellationToken);
            await ExecuteAsync(writer, IncidentSummaryProjection.MergeNewerSql(live, shadow), cancellationToken);
            await ShadowTables.SwapAsync(writer, liveSchema, Tables, cancellationToken);
            await RebuildRequests.CompleteAsync(writer, Name, infrastructure.Time.GetUtcNow(), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        _logger.LogInformation(
            "Rebuilt {Projection}: {Events} events in {Seconds:F1} s ({Rate:F0} events/s)",
            Name, processed, clock.Elapsed.TotalSeconds, processed / Math.Max(clock.Elapsed.TotalSeconds, 0.001));
    }

    private async Task<long> FoldStreamsAsync(NpgsqlConnection writer, string shadow, CancellationToken cancellationToken)
    {
        await using var reader = await infrastructure.DataSource.OpenConnectionAsync(cancellationToken);
        await using var scan = new NpgsqlCommand("""
            select stream_id, stream_version, type, data::text from events
             where stream_id like 'incident-%'
             order by stream_id, stream_version
            """, reader);
        await using var rows = await scan.ExecuteReaderAsync(cancellationToken);
        var batch = new NpgsqlBatch(writer);
        string? stream = null;
        var state = IncidentState.Initial;
        long version = 0;
        DateTimeOffset lastAt = default;
        long processed = 0, sinceReport = 0;

        async Task FlushAsync(bool force)
        {
            if (batch.BatchCommands.Count == 0 || (!force && batch.BatchCommands.Count < RowsPerWrite))
            {
                return;
            }

            await using (batch)
            {
                await batch.ExecuteNonQueryAsync(cancellationToken);
            }

            batch = new NpgsqlBatch(writer);
            await RebuildRequests.CountAsync(writer, Name, sinceReport, cancellationToken);
            sinceReport = 0;
        }

        void Finish()
        {
            if (stream is not null && state.Exists)
            {
                batch.BatchCommands.Add(IncidentSummaryProjection.Upsert(state, version, lastAt, shadow));
            }
        }

        while (await rows.ReadAsync(cancellationToken))
        {
            var streamId = rows.GetString(0);
            if (streamId != stream)
            {
                Finish();
                await FlushAsync(force: false);
                stream = streamId;
                state = IncidentState.Initial;
            }

            var e = (IIncidentEvent)serializer.Deserialize(rows.GetString(2), rows.GetString(3));
            state = state.Apply(e);
            version = rows.GetInt64(1);
            lastAt = e.At;
            processed++;
            sinceReport++;
        }

        Finish();
        await FlushAsync(force: true);
        if (sinceReport > 0)
        {
            await RebuildRequests.CountAsync(writer, Name, sinceReport, cancellationToken);
        }

        await batch.DisposeAsync();
        return processed;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
