using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Incidents.Bench.Reporting;
using Incidents.Domain.Incidents;
using Incidents.EventStore.Postgres.Schema;
using Incidents.EventStore.Postgres.Serialization;
using Incidents.EventStore.Postgres.Streams;
using Incidents.Projections.Rebuild;
using Incidents.Projections.Runner;
using Incidents.Projections.Schema;
using Npgsql;
using NpgsqlTypes;

namespace Incidents.Bench.Scenarios;

/// <summary>
/// Figure 4b: writes 1,000,000 events (whole incident histories, 20 events each for most) straight into the store with
/// binary COPY, marks the live projections as caught up, then rebuilds each projection from position zero in turn and
/// reports events per second from the request to the swap. The baseline reads every event in feed order and COPYs one
/// row per event into a plain table: the least work any projection of every event must do. Settings: --events
/// (1000000; quick 30000).
/// </summary>
public sealed class RebuildScenario : IBenchScenario
{
    private const int EventsPerCopy = 100_000;

    public string Name => "rebuild";

    public string Description => "rebuild speed of every projection over 1,000,000 generated events (events/s), against a raw read-and-COPY";

    public async Task<ScenarioResult> RunAsync(BenchOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        var target = options.Int("events", 1_000_000, 30_000);
        await using var database = await BenchDatabase.CreateAsync(options, "rebuild");
        await database.MigrateAsync(EmbeddedMigrations.EventStore.Concat(ProjectionMigrations.All));
        await using var process = new ProjectionProcess(database);
        var clock = Stopwatch.StartNew();
        var (events, incidents) = await GenerateAsync(database, process.Serializer, target, cancellationToken);
        await log.WriteLineAsync($"rebuild: generated {events} events of {incidents} incidents in {clock.Elapsed.TotalSeconds:F1} s");
        await database.ExecuteAsync("vacuum analyze events");
        await database.ExecuteAsync("""
            insert into projection_checkpoints (name, transaction_id, position, status, updated_at)
            select name, (select max(transaction_id) from events), (select max(position) from events), 'running', now()
              from unnest(array['incident-timeline', 'overdue-queue', 'response-metrics']) as name
            """);

        var baseline = await RawReadAndCopyAsync(database, cancellationToken);
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  baseline: read every event and COPY a row each: {baseline:F0} events/s"));
        process.Start();

        var figures = new List<BenchFigure>();
        var failed = false;
        foreach (var name in ProjectionEngine.DefaultNames)
        {
            clock.Restart();
            await process.Rebuilds.RequestAsync(name, "bench", DateTimeOffset.UtcNow, cancellationToken);
            process.Publisher.Publish(ProjectionChannels.Control);
            var progress = await UntilFinishedAsync(process, name, cancellationToken);
            var seconds = clock.Elapsed.TotalSeconds;
            failed |= progress.Status != RebuildStatus.Completed;
            var rate = progress.EventsProcessed / seconds;
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  {name,-20} {progress.Status.ToString().ToLowerInvariant(),-10} {progress.EventsProcessed,9} events in {seconds,6:F1} s = {rate,8:F0} events/s{(progress.Error is null ? "" : " — " + progress.Error)}"));
            figures.Add(new BenchFigure("4b", $"rebuild {name} over {events:N0} events", rate, "events/s", baseline, "raw read + COPY", Target.AtLeast(50_000, "events/s")));
        }

        await log.WriteLineAsync($"  rows: incident_summaries={await database.ScalarAsync("select count(*) from incident_summaries")}, " +
                                 $"timeline_events={await database.ScalarAsync("select count(*) from timeline_events")}, " +
                                 $"timeline_steps={await database.ScalarAsync("select count(*) from timeline_steps")}, " +
                                 $"step_deadlines={await database.ScalarAsync("select count(*) from step_deadlines")}, " +
                                 $"response_times={await database.ScalarAsync("select count(*) from response_times")}");
        return new ScenarioResult(Name, new Dictionary<string, string>
        {
            ["events"] = events.ToString("N0", CultureInfo.InvariantCulture),
            ["incidents"] = incidents.ToString("N0", CultureInfo.InvariantCulture),
        }, figures, !failed, started.Elapsed, failed ? "a rebuild did not complete" : null);
    }

    private static async Task<RebuildProgress> UntilFinishedAsync(ProjectionProcess process, string name, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (await process.Rebuilds.ReadAsync(name, cancellationToken) is { Status: RebuildStatus.Completed or RebuildStatus.Failed } done)
            {
                return done;
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>Events per second of one client that reads the whole feed in order and COPYs one row per event elsewhere.</summary>
    private static async Task<double> RawReadAndCopyAsync(BenchDatabase database, CancellationToken cancellationToken)
    {
        await database.ExecuteAsync("create table bench_rebuild_plain (position bigint primary key, stream_id text not null, type text not null, data jsonb not null)");
        var clock = Stopwatch.StartNew();
        await using var source = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var target = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await target.BeginTransactionAsync(cancellationToken);
        long rows = 0;
        await using (var copy = await target.BeginBinaryImportAsync(
            "copy bench_rebuild_plain (position, stream_id, type, data) from stdin (format binary)", cancellationToken))
        {
            await using var read = new NpgsqlCommand("select position, stream_id, type, data::text from events order by transaction_id, position", source);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(reader.GetInt64(0), NpgsqlDbType.Bigint, cancellationToken);
                await copy.WriteAsync(reader.GetString(1), NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(reader.GetString(2), NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(reader.GetString(3), NpgsqlDbType.Jsonb, cancellationToken);
                rows++;
            }

            await copy.CompleteAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return rows / clock.Elapsed.TotalSeconds;
    }

    /// <summary>Incident histories in feed order, COPYed in transactions of about 100,000 events each.</summary>
    private static async Task<(long Events, int Incidents)> GenerateAsync(
        BenchDatabase database, EventSerializer serializer, int target, CancellationToken cancellationToken)
    {
        long events = 0;
        var incidents = 0;
        var start = DateTimeOffset.UtcNow.AddDays(-200);
        while (events < target)
        {
            await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var streams = new List<(string Stream, long Version, DateTimeOffset First, DateTimeOffset Last)>();
            long inCopy = 0;
            await using (var copy = await connection.BeginBinaryImportAsync(
                "copy events (stream_id, stream_version, type, schema_version, data, metadata, recorded_at) from stdin (format binary)", cancellationToken))
            {
                while (inCopy < EventsPerCopy && events + inCopy < target)
                {
                    var id = Guid.CreateVersion7();
                    var stream = new IncidentId(id).StreamId;
                    var at = start.AddMinutes(incidents * 3);
                    var metadata = JsonSerializer.Serialize(new EventMetadata("staff-1", "staff", $"bench-{incidents}", $"command-{incidents}"), WireJson.Options);
                    long version = 0;
                    foreach (var command in SyntheticIncidents.Commands(id, incidents, at, wholeLife: true))
                    {
                        foreach (var e in command)
                        {
                            var serialized = serializer.Serialize(e);
                            await copy.StartRowAsync(cancellationToken);
                            await copy.WriteAsync(stream, NpgsqlDbType.Text, cancellationToken);
                            await copy.WriteAsync(++version, NpgsqlDbType.Bigint, cancellationToken);
                            await copy.WriteAsync(serialized.Type, NpgsqlDbType.Text, cancellationToken);
                            await copy.WriteAsync(serialized.SchemaVersion, NpgsqlDbType.Integer, cancellationToken);
                            await copy.WriteAsync(serialized.Json, NpgsqlDbType.Jsonb, cancellationToken);
                            await copy.WriteAsync(metadata, NpgsqlDbType.Jsonb, cancellationToken);
                            await copy.WriteAsync(e.At.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
                        }
                    }

                    streams.Add((stream, version, at, at.AddDays(4)));
                    inCopy += version;
                    incidents++;
                }

                await copy.CompleteAsync(cancellationToken);
            }

            await using (var copy = await connection.BeginBinaryImportAsync(
                "copy streams (stream_id, version, created_at, updated_at) from stdin (format binary)", cancellationToken))
            {
                foreach (var (stream, version, first, last) in streams)
                {
                    await copy.WriteRowAsync(cancellationToken, stream, version, first.ToUniversalTime(), last.ToUniversalTime());
                }

                await copy.CompleteAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            events += inCopy;
        }

        return (events, incidents);
    }
}
