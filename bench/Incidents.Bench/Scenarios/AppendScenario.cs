using System.Diagnostics;
using System.Globalization;
using Incidents.Bench.Load;
using Incidents.Bench.Measurement;
using Incidents.Bench.Reporting;
using Incidents.Bench.Workloads;
using Npgsql;

namespace Incidents.Bench.Scenarios;

/// <summary>
/// Figure 1: single-event appends with an expected version through the event store (the append_events function, one
/// batch per commit, NOTIFY after commit), by 1 and by 16 concurrent writers, each on its own streams; the baseline
/// is the same clients doing single-row INSERTs of the same payload into a plain table. Settings: --warmup, --duration
/// seconds (1, 8; quick 0.3, 1).
/// </summary>
public sealed class AppendScenario : IBenchScenario
{
    public static readonly int[] WriterCounts = [1, 16];

    public string Name => "appends";

    public string Description => "single-event appends with expected version, 1 and 16 writers, against raw single-row INSERTs";

    public async Task<ScenarioResult> RunAsync(BenchOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var warmUp = options.Seconds("warmup", 1, 0.3);
        var duration = options.Seconds("duration", 8, 1);
        await using var comparison = await AppendComparison.CreateAsync(options, "appends");
        var (database, store, payload, raw) = (comparison.Database, comparison.Store, comparison.Payload, comparison.Raw);
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"appends: {payload.Bytes} bytes of event and metadata per row; {warmUp.TotalSeconds} s warm-up, {duration.TotalSeconds} s measured per run"));

        var cpu = await CpuMeter.ForServerAsync(database.DataSource, cancellationToken);
        var figures = new List<BenchFigure>();
        var worked = true;
        foreach (var (writers, letter) in WriterCounts.Zip("ab"))
        {
            var baseline = await cpu.MeasureAsync($"raw INSERT, {writers} writers", log, () => MeasureRawAsync(raw, writers, warmUp, duration, cancellationToken));
            var measured = await cpu.MeasureAsync(
                $"store append, {writers} writers", log, () => MeasureStoreAsync(store, payload, writers, warmUp, duration, cancellationToken));
            worked &= baseline.Failures == 0 && measured.Failures == 0 && measured.Calls > 0;

            var name = $"single-event appends, {writers} writer{(writers == 1 ? "" : "s")}";
            const string rawName = "raw INSERT";
            figures.Add(new BenchFigure($"1{letter}", name, measured.CallsPerSecond, "events/s", baseline.CallsPerSecond, rawName,
                writers == 16 ? Target.AtLeastOfBaseline(0.8) : null));
            figures.Add(new BenchFigure($"1{letter}", name + ", p50", measured.Latency.P50, "ms", baseline.Latency.P50, rawName));
            figures.Add(new BenchFigure($"1{letter}", name + ", p99", measured.Latency.P99, "ms", baseline.Latency.P99, rawName));
        }

        return new ScenarioResult(Name, new Dictionary<string, string>
        {
            ["writers"] = string.Join(" and ", WriterCounts),
            ["payload"] = $"{payload.Bytes} B",
            ["measured"] = $"{duration.TotalSeconds} s after {warmUp.TotalSeconds} s warm-up",
        }, figures, worked, clock.Elapsed);
    }

    /// <summary>Events per second and per-append latency of <paramref name="writers"/> clients appending one event at a time.</summary>
    public static Task<LoadResult> MeasureStoreAsync(
        BenchEventStore store, SamplePayload payload, int writers, TimeSpan warmUp, TimeSpan duration, CancellationToken cancellationToken)
    {
        var streams = Enumerable.Range(0, writers).Select(_ => new StreamPosition()).ToArray();
        object[] one = [payload.Event];
        return ClosedLoop.RunAsync(writers, warmUp, duration, (client, token) => streams[client].AppendAsync(store.Store, payload, one, token), cancellationToken);
    }

    private static Task<LoadResult> MeasureRawAsync(RawEventTable raw, int writers, TimeSpan warmUp, TimeSpan duration, CancellationToken cancellationToken)
    {
        var streams = Enumerable.Range(0, writers).Select(_ => new StreamPosition()).ToArray();
        return ClosedLoop.RunAsync(writers, warmUp, duration, (client, token) =>
        {
            var (stream, version) = streams[client].Next(1);
            return raw.InsertOneAsync(stream, version, token);
        }, cancellationToken);
    }
}
