using System.Diagnostics;
using System.Globalization;
using Incidents.Bench.Load;
using Incidents.Bench.Measurement;
using Incidents.Bench.Reporting;
using Incidents.Bench.Workloads;

namespace Incidents.Bench.Scenarios;

/// <summary>
/// Figure 2: appends of 100 events per call (one stream, expected version) through the event store, against the same
/// rows written by the same clients as one multi-row INSERT and as one binary COPY into a plain table. Settings:
/// --writers (4), --batch (100), --warmup, --duration seconds (1, 8; quick 0.3, 1).
/// </summary>
public sealed class BatchAppendScenario : IBenchScenario
{
    public string Name => "batch-appends";

    public string Description => "appends of 100 events per call, against raw multi-row INSERT and COPY of the same rows";

    public async Task<ScenarioResult> RunAsync(BenchOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var writers = options.Int("writers", 4, 4);
        var size = options.Int("batch", 100, 100);
        var warmUp = options.Seconds("warmup", 1, 0.3);
        var duration = options.Seconds("duration", 8, 1);
        await using var comparison = await AppendComparison.CreateAsync(options, "batches");
        var (database, store, payload, raw) = (comparison.Database, comparison.Store, comparison.Payload, comparison.Raw);
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"batch-appends: {size} events per call, {writers} writers; {warmUp.TotalSeconds} s warm-up, {duration.TotalSeconds} s measured per run"));

        var cpu = await CpuMeter.ForServerAsync(database.DataSource, cancellationToken);
        var insert = await cpu.MeasureAsync("raw multi-row INSERT (per call)", log, () => RunAsync(writers, warmUp, duration, (writer, token) =>
        {
            var (stream, first) = writer.Next(size);
            return raw.InsertManyAsync(stream, first, size, token);
        }, cancellationToken));
        var copy = await cpu.MeasureAsync("raw COPY (per call)", log, () => RunAsync(writers, warmUp, duration, (writer, token) =>
        {
            var (stream, first) = writer.Next(size);
            return raw.CopyManyAsync(stream, first, size, token);
        }, cancellationToken));
        var events = Enumerable.Repeat<object>(payload.Event, size).ToList();
        var appended = await cpu.MeasureAsync("store append (per call)", log, () =>
            RunAsync(writers, warmUp, duration, (writer, token) => writer.AppendAsync(store.Store, payload, events, token), cancellationToken));

        var name = $"batched appends ({size} events per call, {writers} writers)";
        List<BenchFigure> figures =
        [
            new("2a", name, appended.CallsPerSecond * size, "events/s", insert.CallsPerSecond * size, "raw multi-row INSERT", Target.AtLeastOfBaseline(0.8)),
            new("2b", name, appended.CallsPerSecond * size, "events/s", copy.CallsPerSecond * size, "raw COPY"),
            new("2a", name + ", p50 per call", appended.Latency.P50, "ms", insert.Latency.P50, "raw multi-row INSERT"),
            new("2a", name + ", p99 per call", appended.Latency.P99, "ms", insert.Latency.P99, "raw multi-row INSERT"),
        ];
        var worked = insert.Failures + copy.Failures + appended.Failures == 0 && appended.Calls > 0;
        return new ScenarioResult(Name, new Dictionary<string, string>
        {
            ["events per call"] = size.ToString(CultureInfo.InvariantCulture),
            ["writers"] = writers.ToString(CultureInfo.InvariantCulture),
            ["payload"] = $"{payload.Bytes} B",
            ["measured"] = $"{duration.TotalSeconds} s after {warmUp.TotalSeconds} s warm-up",
        }, figures, worked, clock.Elapsed);
    }

    private static Task<LoadResult> RunAsync(
        int writers, TimeSpan warmUp, TimeSpan duration, Func<StreamPosition, CancellationToken, Task> call, CancellationToken cancellationToken)
    {
        var streams = Enumerable.Range(0, writers).Select(_ => new StreamPosition()).ToArray();
        return ClosedLoop.RunAsync(writers, warmUp, duration, (client, token) => call(streams[client], token), cancellationToken);
    }
}
