using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using Incidents.Domain.Incidents;
using Incidents.EventStore.Postgres.Feed;
using Incidents.EventStore.Postgres.Streams;
using Incidents.Projections.Runner;
using Npgsql;

using Incidents.EventStore.Postgres.Schema;
using Incidents.Projections.Schema;

namespace Incidents.Bench.Scenarios;

/// <summary>
/// Appends at a sustained 500 events/s (commands of 1 to 5 events, as an incident response writes them) and measures,
/// for every append, the time from its commit (as the appending client saw it) to the moment a client listening for
/// the projections' NOTIFY sees each read model's checkpoint pass it. The baseline, in the same run, appends the same
/// rows at the same pace to a plain table that a client polls every 10 ms.
/// </summary>
public sealed class ProjectionLagScenario : IBenchScenario
{
    public string Name => "projection-lag";

    public string Description => "commit → read model lag at a sustained 500 events/s (p50/p99), with a plain-table baseline";

    public async Task<int> RunAsync(BenchOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        await using var database = await BenchDatabase.CreateAsync(options, "lag");
        await database.MigrateAsync(EmbeddedMigrations.EventStore.Concat(ProjectionMigrations.All));
        return await RunAsync(database, options);
    }

    private const int EventsPerSecond = 500;
    private const int Writers = 16;
    private const int Interleaved = 64;
    private static readonly string[] Projections = ["incident-timeline", "overdue-queue", "response-metrics"];

    private static async Task<int> RunAsync(BenchDatabase database, BenchOptions options)
    {
        var measured = options.Quick ? TimeSpan.FromSeconds(10) : TimeSpan.FromSeconds(60);
        var baselineDuration = options.Quick ? TimeSpan.FromSeconds(10) : TimeSpan.FromSeconds(30);
        Console.WriteLine($"projection-lag: {EventsPerSecond} events/s, {Writers} writers; baseline {baselineDuration.TotalSeconds:F0} s, projections {measured.TotalSeconds:F0} s");

        var baseline = await BaselineAsync(database, baselineDuration);
        Console.WriteLine(Percentiles.Describe("baseline: plain table, reader polls 10 ms", baseline));

        await using var process = new ProjectionProcess(database);
        process.Start();
        var appended = new ConcurrentQueue<Append>();
        using var stop = new CancellationTokenSource();
        var observer = ObserveAsync(database, appended, stop.Token);
        var clock = Stopwatch.StartNew();
        var (events, appends) = await PaceAsync(measured, (commandEvents, stream, expected, metadata) => async () =>
        {
            var result = await process.Store.AppendAsync(stream, expected, commandEvents.Cast<object>().ToList(), metadata, default);
            appended.Enqueue(new Append(result.Last, Stopwatch.GetTimestamp(), commandEvents.Count));
        });
        var elapsed = clock.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(3));
        await stop.CancelAsync();
        var results = await observer;

        Console.WriteLine($"appended {events} events in {appends} commits over {elapsed.TotalSeconds:F1} s ({events / elapsed.TotalSeconds:F0} events/s)");
        foreach (var projection in Projections)
        {
            Console.WriteLine(Percentiles.Describe($"projection {projection}", Weighted(results, r => r.Visible[projection])));
        }

        Console.WriteLine(Percentiles.Describe("all three read models updated", Weighted(results, r => r.Visible.Values.Max())));
        var unseen = results.Count(r => r.Visible.Count < Projections.Length);
        if (unseen > 0)
        {
            Console.WriteLine($"{unseen} commits were not seen in every read model before the end");
        }

        return unseen == 0 ? 0 : 1;
    }

    private static IEnumerable<TimeSpan> Weighted(IEnumerable<Observed> results, Func<Observed, long> visible) =>
        results.Where(r => r.Visible.Count == Projections.Length)
            .SelectMany(r => Enumerable.Repeat(Stopwatch.GetElapsedTime(r.Append.CommittedAt, visible(r)), r.Append.Events));

    /// <summary>Issues commands at the pace of 500 events/s, each incident's commands in order on one writer.</summary>
    private static async Task<(long Events, long Appends)> PaceAsync(
        TimeSpan duration, Func<IReadOnlyList<Domain.Incidents.Events.IIncidentEvent>, string, ExpectedVersion, EventMetadata, Func<Task>> append)
    {
        var queues = Enumerable.Range(0, Writers).Select(_ => Channel.CreateUnbounded<Func<Task>>()).ToArray();
        var writers = queues.Select(queue => Task.Run(async () =>
        {
            await foreach (var work in queue.Reader.ReadAllAsync())
            {
                await work();
            }
        })).ToArray();
        var clock = Stopwatch.StartNew();
        var versions = new Dictionary<int, long>();
        var scripts = new Dictionary<int, (Guid Id, IReadOnlyList<IReadOnlyList<Domain.Incidents.Events.IIncidentEvent>> Commands)>();
        long events = 0, appends = 0;
        for (var k = 0; clock.Elapsed < duration; k++)
        {
            var incident = k % Interleaved + Interleaved * (k / (Interleaved * SyntheticIncidents.OpeningCommands));
            var step = k / Interleaved % SyntheticIncidents.OpeningCommands;
            if (!scripts.TryGetValue(incident, out var script))
            {
                var id = Guid.CreateVersion7();
                scripts[incident] = script = (id, SyntheticIncidents.Commands(id, incident, DateTimeOffset.UtcNow, wholeLife: false));
            }

            var commandEvents = script.Commands[step];
            var due = TimeSpan.FromSeconds((double)events / EventsPerSecond);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }

            var version = versions.GetValueOrDefault(incident);
            versions[incident] = version + commandEvents.Count;
            var metadata = new EventMetadata("staff-1", "staff", $"bench-{incident}", Guid.NewGuid().ToString("D"));
            await queues[incident % Writers].Writer.WriteAsync(
                append(commandEvents, new IncidentId(script.Id).StreamId, version == 0 ? ExpectedVersion.NoStream : ExpectedVersion.Exactly(version), metadata));
            events += commandEvents.Count;
            appends++;
            if (step == SyntheticIncidents.OpeningCommands - 1)
            {
                scripts.Remove(incident);
                versions.Remove(incident);
            }
        }

        foreach (var queue in queues)
        {
            queue.Writer.Complete();
        }

        await Task.WhenAll(writers);
        return (events, appends);
    }

    /// <summary>A client elsewhere: on every NOTIFY of the projections (or every 50 ms without one) it reads the checkpoints.</summary>
    private static async Task<List<Observed>> ObserveAsync(BenchDatabase database, ConcurrentQueue<Append> appended, CancellationToken stop)
    {
        var results = new List<Observed>();
        var pending = new List<Observed>();
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(CancellationToken.None);
        await using (var listen = new NpgsqlCommand($"listen {ProjectionChannels.Updated}", connection))
        {
            await listen.ExecuteNonQueryAsync(CancellationToken.None);
        }

        while (!stop.IsCancellationRequested)
        {
            await connection.WaitAsync(TimeSpan.FromMilliseconds(50), CancellationToken.None);
            while (appended.TryDequeue(out var append))
            {
                var observed = new Observed(append, []);
                pending.Add(observed);
                results.Add(observed);
            }

            var checkpoints = new Dictionary<string, FeedPosition>();
            await using (var read = new NpgsqlCommand("select name, transaction_id, position from projection_checkpoints", connection))
            await using (var reader = await read.ExecuteReaderAsync(CancellationToken.None))
            {
                while (await reader.ReadAsync(CancellationToken.None))
                {
                    checkpoints[reader.GetString(0)] = new FeedPosition(reader.GetFieldValue<ulong>(1), reader.GetInt64(2));
                }
            }

            var now = Stopwatch.GetTimestamp();
            foreach (var observed in pending)
            {
                foreach (var projection in Projections)
                {
                    if (!observed.Visible.ContainsKey(projection) && checkpoints.TryGetValue(projection, out var checkpoint) &&
                        observed.Append.Last <= checkpoint)
                    {
                        observed.Visible[projection] = now;
                    }
                }
            }

            pending.RemoveAll(o => o.Visible.Count == Projections.Length);
        }

        return results;
    }

    private static async Task<List<TimeSpan>> BaselineAsync(BenchDatabase database, TimeSpan duration)
    {
        await database.ExecuteAsync("create table bench_plain (id bigserial primary key, stream text not null, payload jsonb not null)");
        var committed = new ConcurrentQueue<(long MaxId, long At, int Rows)>();
        using var stop = new CancellationTokenSource();
        var reader = Task.Run(async () =>
        {
            var lags = new List<TimeSpan>();
            var pending = new List<(long MaxId, long At, int Rows)>();
            await using var connection = await database.DataSource.OpenConnectionAsync();
            await using var poll = new NpgsqlCommand("select coalesce(max(id), 0) from bench_plain", connection);
            while (!stop.IsCancellationRequested || pending.Count > 0 || !committed.IsEmpty)
            {
                await Task.Delay(10);
                var seen = (long)(await poll.ExecuteScalarAsync())!;
                var now = Stopwatch.GetTimestamp();
                while (committed.TryDequeue(out var item))
                {
                    pending.Add(item);
                }

                foreach (var item in pending.Where(p => p.MaxId <= seen))
                {
                    lags.AddRange(Enumerable.Repeat(Stopwatch.GetElapsedTime(item.At, now), item.Rows));
                }

                pending.RemoveAll(p => p.MaxId <= seen);
            }

            return lags;
        });
        await PaceAsync(duration, (commandEvents, stream, _, _) => async () =>
        {
            await using var command = database.DataSource.CreateCommand(
                "insert into bench_plain (stream, payload) select $1, unnest($2::jsonb[]) returning id");
            command.Parameters.Add(new() { Value = stream });
            command.Parameters.Add(new() { Value = commandEvents.Select(e => System.Text.Json.JsonSerializer.Serialize(e, e.GetType())).ToArray(), NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Jsonb });
            long max = 0;
            await using (var rows = await command.ExecuteReaderAsync())
            {
                while (await rows.ReadAsync())
                {
                    max = Math.Max(max, rows.GetInt64(0));
                }
            }

            committed.Enqueue((max, Stopwatch.GetTimestamp(), commandEvents.Count));
        });
        await stop.CancelAsync();
        return await reader;
    }

    private sealed record Append(FeedPosition Last, long CommittedAt, int Events);

    private sealed record Observed(Append Append, Dictionary<string, long> Visible);
}
