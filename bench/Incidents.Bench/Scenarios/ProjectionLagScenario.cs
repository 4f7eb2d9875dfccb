using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using Incidents.Bench.Measurement;
using Incidents.Bench.Reporting;
using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Events;
using Incidents.EventStore.Postgres.Feed;
using Incidents.EventStore.Postgres.Schema;
using Incidents.EventStore.Postgres.Streams;
using Incidents.Projections.Runner;
using Incidents.Projections.Schema;
using Npgsql;
using NpgsqlTypes;

namespace Incidents.Bench.Scenarios;

/// <summary>
/// Figure 4a: appends at a steady 500 and then 2,000 events/s (commands of 1 to 5 events, as an incident response
/// writes them, by 16 writers) and measures, for every append, the time from its commit (as the appending client saw
/// it) to the moment a client listening for the projections' NOTIFY sees every read model's checkpoint pass it. The
/// baseline, in the same run, appends the same rows at the same pace to a plain table that a client polls every 10 ms.
/// Settings: --duration seconds per rate (20; quick 3), --baseline seconds per rate (10; quick 2).
/// </summary>
public sealed class ProjectionLagScenario : IBenchScenario
{
    private const int Writers = 16;
    private const int Interleaved = 64;
    private static readonly int[] Rates = [500, 2_000];
    private static readonly string[] Projections = ["incident-timeline", "overdue-queue", "response-metrics"];

    public string Name => "projection-lag";

    public string Description => "commit → read model lag at a steady 500 and 2,000 events/s (p50/p99), with a plain-table baseline";

    public async Task<ScenarioResult> RunAsync(BenchOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var measured = options.Seconds("duration", 20, 3);
        var baselineDuration = options.Seconds("baseline", 10, 2);
        await using var database = await BenchDatabase.CreateAsync(options, "lag");
        await database.MigrateAsync(EmbeddedMigrations.EventStore.Concat(ProjectionMigrations.All));
        await database.ExecuteAsync("create table bench_plain (id bigserial primary key, stream text not null, payload jsonb not null)");
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"projection-lag: {string.Join(" and ", Rates)} events/s, {Writers} writers; baseline {baselineDuration.TotalSeconds} s, projections {measured.TotalSeconds} s per rate"));

        await using var process = new ProjectionProcess(database);
        process.Start();
        var figures = new List<BenchFigure>();
        var worked = true;
        foreach (var rate in Rates)
        {
            var baseline = LatencySummary.Of(await BaselineAsync(database, rate, baselineDuration, cancellationToken));
            await log.WriteLineAsync(baseline.Describe($"  {rate}/s baseline: plain table, reader polls 10 ms"));
            var (lags, unseen) = await MeasureAsync(database, process, rate, measured, log, cancellationToken);
            worked &= unseen == 0 && lags.Count > 0;
            var name = $"projection lag at {rate:N0} events/s (commit → all three read models)";
            const string baselineName = "plain table polled every 10 ms";
            figures.Add(new BenchFigure("4a", name + ", p50", lags.P50, "ms", baseline.P50, baselineName));
            figures.Add(new BenchFigure("4a", name + ", p99", lags.P99, "ms", baseline.P99, baselineName, rate == 500 ? Target.Below(100, "ms") : null));
        }

        return new ScenarioResult(Name, new Dictionary<string, string>
        {
            ["rates"] = string.Join(" and ", Rates) + " events/s",
            ["writers"] = Writers.ToString(CultureInfo.InvariantCulture),
            ["measured"] = $"{measured.TotalSeconds} s per rate; baseline {baselineDuration.TotalSeconds} s",
        }, figures, worked, clock.Elapsed, worked ? null : "some commits never showed in every read model");
    }

    private static async Task<(LatencySummary Lags, int Unseen)> MeasureAsync(
        BenchDatabase database, ProjectionProcess process, int rate, TimeSpan duration, TextWriter log, CancellationToken cancellationToken)
    {
        var appended = new ConcurrentQueue<Append>();
        var writingDone = new TaskCompletionSource();
        using var giveUp = new CancellationTokenSource();
        var observer = ObserveAsync(database, appended, writingDone.Task, giveUp.Token);
        var clock = Stopwatch.StartNew();
        var (events, appends) = await PaceAsync(rate, duration, (commandEvents, stream, expected, metadata) => async () =>
        {
            var result = await process.Store.AppendAsync(stream, expected, commandEvents.Cast<object>().ToList(), metadata, cancellationToken);
            appended.Enqueue(new Append(result.Last, Stopwatch.GetTimestamp(), commandEvents.Count));
        }, cancellationToken);
        var elapsed = clock.Elapsed;
        writingDone.SetResult();
        giveUp.CancelAfter(TimeSpan.FromSeconds(15));
        var results = await observer;

        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  {rate}/s: appended {events} events in {appends} commits over {elapsed.TotalSeconds:F1} s ({events / elapsed.TotalSeconds:F0} events/s)"));
        foreach (var projection in Projections)
        {
            await log.WriteLineAsync(LatencySummary.Of(Weighted(results, r => r.Visible[projection])).Describe($"  {rate}/s projection {projection}"));
        }

        var all = LatencySummary.Of(Weighted(results, r => r.Visible.Values.Max()));
        await log.WriteLineAsync(all.Describe($"  {rate}/s all three read models updated"));
        var unseen = results.Count(r => r.Visible.Count < Projections.Length);
        if (unseen > 0)
        {
            await log.WriteLineAsync($"  {unseen} commits were not seen in every read model before the end");
        }

        return (all, unseen);
    }

    private static IEnumerable<TimeSpan> Weighted(IEnumerable<Observed> results, Func<Observed, long> visible) =>
        results.Where(r => r.Visible.Count == Projections.Length)
            .SelectMany(r => Enumerable.Repeat(Stopwatch.GetElapsedTime(r.Append.CommittedAt, visible(r)), r.Append.Events));

    /// <summary>Issues commands at the pace of <paramref name="rate"/> events/s, each incident's commands in order on one writer.</summary>
    private static async Task<(long Events, long Appends)> PaceAsync(
        int rate, TimeSpan duration, Func<IReadOnlyList<IIncidentEvent>, string, ExpectedVersion, EventMetadata, Func<Task>> append,
        CancellationToken cancellationToken)
    {
        var queues = Enumerable.Range(0, Writers).Select(_ => Channel.CreateUnbounded<Func<Task>>()).ToArray();
        var writers = queues.Select(queue => Task.Run(async () =>
        {
            await foreach (var work in queue.Reader.ReadAllAsync(cancellationToken))
            {
                await work();
            }
        }, cancellationToken)).ToArray();
        var clock = Stopwatch.StartNew();
        var versions = new Dictionary<int, long>();
        var scripts = new Dictionary<int, (Guid Id, IReadOnlyList<IReadOnlyList<IIncidentEvent>> Commands)>();
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
            var due = TimeSpan.FromSeconds((double)events / rate);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed, cancellationToken);
            }

            var version = versions.GetValueOrDefault(incident);
            versions[incident] = version + commandEvents.Count;
            var metadata = new EventMetadata("staff-1", "staff", $"bench-{incident}", Guid.NewGuid().ToString("D"));
            await queues[incident % Writers].Writer.WriteAsync(
                append(commandEvents, new IncidentId(script.Id).StreamId, version == 0 ? ExpectedVersion.NoStream : ExpectedVersion.Exactly(version), metadata),
                cancellationToken);
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

    /// <summary>
    /// A client elsewhere: on every NOTIFY of the projections (or every 50 ms without one) it reads the checkpoints, until
    /// the writing is done and every append has shown in every read model, or it is told to give up.
    /// </summary>
    private static async Task<List<Observed>> ObserveAsync(
        BenchDatabase database, ConcurrentQueue<Append> appended, Task writingDone, CancellationToken giveUp)
    {
        var results = new List<Observed>();
        var pending = new List<Observed>();
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(CancellationToken.None);
        await using (var listen = new NpgsqlCommand($"listen {ProjectionChannels.Updated}", connection))
        {
            await listen.ExecuteNonQueryAsync(CancellationToken.None);
        }

        while (!giveUp.IsCancellationRequested && !(writingDone.IsCompleted && appended.IsEmpty && pending.Count == 0))
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

    private static async Task<List<TimeSpan>> BaselineAsync(BenchDatabase database, int rate, TimeSpan duration, CancellationToken cancellationToken)
    {
        var committed = new ConcurrentQueue<(long MaxId, long At, int Rows)>();
        using var stop = new CancellationTokenSource();
        var reader = Task.Run(async () =>
        {
            var lags = new List<TimeSpan>();
            var pending = new List<(long MaxId, long At, int Rows)>();
            await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
            await using var poll = new NpgsqlCommand("select coalesce(max(id), 0) from bench_plain", connection);
            while (!stop.IsCancellationRequested || pending.Count > 0 || !committed.IsEmpty)
            {
                await Task.Delay(10, cancellationToken);
                var seen = (long)(await poll.ExecuteScalarAsync(cancellationToken))!;
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
        }, cancellationToken);
        await PaceAsync(rate, duration, (commandEvents, stream, _, _) => async () =>
        {
            await using var command = database.DataSource.CreateCommand(
                "insert into bench_plain (stream, payload) select $1, unnest($2::jsonb[]) returning id");
            command.Parameters.Add(new() { Value = stream });
            command.Parameters.Add(new()
            {
                Value = commandEvents.Select(e => JsonSerializer.Serialize(e, e.GetType())).ToArray(),
                NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb,
            });
            long max = 0;
            await using (var rows = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await rows.ReadAsync(cancellationToken))
                {
                    max = Math.Max(max, rows.GetInt64(0));
                }
            }

            committed.Enqueue((max, Stopwatch.GetTimestamp(), commandEvents.Count));
        }, cancellationToken);
        await stop.CancelAsync();
        return await reader;
    }

    private sealed record Append(FeedPosition Last, long CommittedAt, int Events);

    private sealed record Observed(Append Append, Dictionary<string, long> Visible);
}
