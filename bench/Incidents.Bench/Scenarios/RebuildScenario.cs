using System.Diagnostics;
using System.Text.Json;
using Incidents.Domain.Incidents;
using Incidents.EventStore.Postgres.Serialization;
using Incidents.EventStore.Postgres.Streams;
using Incidents.Projections.Runner;
using Npgsql;
using NpgsqlTypes;

using Incidents.EventStore.Postgres.Schema;
using Incidents.Projections.Schema;

namespace Incidents.Bench.Scenarios;

/// <summary>
/// Writes 1,000,000 events (whole incident histories, 20 events each for most) straight into the store with binary
/// COPY, marks the live projections as caught up, then rebuilds each projection from position zero in turn and reports
/// events per second from the request to the swap.
/// </summary>
public sealed class RebuildScenario : IBenchScenario
{
    public string Name => "rebuild";

    public string Description => "rebuild speed of every projection over 1,000,000 generated events (events/s)";

    public async Task<int> RunAsync(BenchOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        await using var database = await BenchDatabase.CreateAsync(options, "rebuild");
        await database.MigrateAsync(EmbeddedMigrations.EventStore.Concat(ProjectionMigrations.All));
        return await RunAsync(database, options);
    }

    private const int EventsPerCopy = 100_000;

    private static async Task<int> RunAsync(BenchDatabase database, BenchOptions options)
    {
        var target = options.Quick ? 50_000 : 1_000_000;
        await using var process = new ProjectionProcess(database);
        var clock = Stopwatch.StartNew();
        var (events, incidents) = await GenerateAsync(database, process.Serializer, target);
        Console.WriteLine($"rebuild: generated {events} events of {incidents} incidents in {clock.Elapsed.TotalSeconds:F1} s");
        await database.ExecuteAsync("vacuum analyze events");
        await database.ExecuteAsync("""
            insert into projection_checkpoints (name, transaction_id, position, status, updated_at)
            select name, (select max(transaction_id) from events), (select max(position) from events), 'running', now()
              from unnest(array['incident-timeline', 'overdue-queue', 'response-metrics']) as name
            """);
        process.Start();

        var failed = false;
        var total = Stopwatch.StartNew();
        foreach (var name in ProjectionEngine.DefaultNames)
        {
            clock.Restart();
            await process.Rebuilds.RequestAsync(name, "bench", DateTimeOffset.UtcNow, default);
            process.Publisher.Publish(ProjectionChannels.Control);
            var progress = await UntilFinishedAsync(process, name);
            var seconds = clock.Elapsed.TotalSeconds;
            failed |= progress.Status != Projections.Rebuild.RebuildStatus.Completed;
            Console.WriteLine(
                $"  {name,-20} {progress.Status.ToString().ToLowerInvariant(),-10} {progress.EventsProcessed,9} events in {seconds,6:F1} s = {progress.EventsProcessed / seconds,8:F0} events/s{(progress.Error is null ? "" : " — " + progress.Error)}");
        }

        Console.WriteLine($"  every projection, one after another: {total.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine($"  rows: incident_summaries={await database.ScalarAsync("select count(*) from incident_summaries")}, " +
                          $"timeline_events={await database.ScalarAsync("select count(*) from timeline_events")}, " +
                          $"timeline_steps={await database.ScalarAsync("select count(*) from timeline_steps")}, " +
                          $"step_deadlines={await database.ScalarAsync("select count(*) from step_deadlines")}, " +
                          $"response_times={await database.ScalarAsync("select count(*) from response_times")}");
        return failed ? 1 : 0;
    }

    private static async Task<Projections.Rebuild.RebuildProgress> UntilFinishedAsync(ProjectionProcess process, string name)
    {
        while (true)
        {
            if (await process.Rebuilds.ReadAsync(name, default) is { Status: Projections.Rebuild.RebuildStatus.Completed or Projections.Rebuild.RebuildStatus.Failed } done)
            {
                return done;
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Incident histories in feed order, COPYed in transactions of about 100,000 events each.</summary>
    private static async Task<(long Events, int Incidents)> GenerateAsync(BenchDatabase database, EventSerializer serializer, int target)
    {
        long events = 0;
        var incidents = 0;
        var start = DateTimeOffset.UtcNow.AddDays(-200);
        while (events < target)
        {
            await using var connection = await database.DataSource.OpenConnectionAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            var streams = new List<(string Stream, long Version, DateTimeOffset First, DateTimeOffset Last)>();
            long inCopy = 0;
            await using (var copy = await connection.BeginBinaryImportAsync(
                "copy events (stream_id, stream_version, type, schema_version, data, metadata, recorded_at) from stdin (format binary)"))
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
                            await copy.StartRowAsync();
                            await copy.WriteAsync(stream, NpgsqlDbType.Text);
                            await copy.WriteAsync(++version, NpgsqlDbType.Bigint);
                            await copy.WriteAsync(serialized.Type, NpgsqlDbType.Text);
                            await copy.WriteAsync(serialized.SchemaVersion, NpgsqlDbType.Integer);
                            await copy.WriteAsync(serialized.Json, NpgsqlDbType.Jsonb);
                            await copy.WriteAsync(metadata, NpgsqlDbType.Jsonb);
                            await copy.WriteAsync(e.At.ToUniversalTime(), NpgsqlDbType.TimestampTz);
                        }
                    }

                    streams.Add((stream, version, at, at.AddDays(4)));
                    inCopy += version;
                    incidents++;
                }

                await copy.CompleteAsync();
            }

            await using (var copy = await connection.BeginBinaryImportAsync("copy streams (stream_id, version, created_at, updated_at) from stdin (format binary)"))
            {
                foreach (var (stream, version, first, last) in streams)
                {
                    await copy.WriteRowAsync(default, stream, version, first.ToUniversalTime(), last.ToUniversalTime());
                }

                await copy.CompleteAsync();
            }

            await transaction.CommitAsync();
            events += inCopy;
        }

        return (events, incidents);
    }
}
