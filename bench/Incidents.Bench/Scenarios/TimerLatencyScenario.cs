using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Incidents.Api.Composition;
using Incidents.Api.Deadlines;
using Incidents.Api.Pipeline;
using Incidents.Bench.Measurement;
using Incidents.Bench.Reporting;
using Incidents.Domain.Access;
using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Commands;
using Incidents.EventStore.Postgres;
using Incidents.EventStore.Postgres.Signals;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Incidents.Bench.Scenarios;

/// <summary>
/// Figure 5: deadline timer precision. Reports incidents through the real command pipeline until the given number of
/// timers is pending, moves them so that they come due evenly over a window, and runs the real service (its timer
/// worker, pipeline, participants and LISTEN/NOTIFY) against the database on the system clock. Latency is from a
/// timer's due time until the transaction that appended its escalation committed, as the worker measures it. The
/// baseline is the raw PostgreSQL claim loop of <see cref="BareClaimLoop"/> over a plain table with as many pending
/// rows, coming due at the same rate over a shorter window. Settings: --timers (100000; quick 2000), --window seconds
/// (120; quick 4), --baseline-window seconds (20; quick 2), --lead seconds (5; quick 1.5), --workers (2), --batch (16).
/// </summary>
public sealed class TimerLatencyScenario : IBenchScenario
{
    /// <summary>An impersonation opens four steps at once, so each reported incident gives four pending timers.</summary>
    private const int TimersPerIncident = 4;

    /// <summary>Reports written per transaction while seeding; each is decided and recorded exactly as a single report is.</summary>
    private const int ReportsPerSeedingBatch = 100;

    public string Name => "timer-latency";

    public string Description => "deadline timers: due → escalation committed (p50/p99) with 100,000 pending, against a bare SKIP LOCKED loop";

    public async Task<ScenarioResult> RunAsync(BenchOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var count = options.Int("timers", 100_000, 2_000);
        var window = options.Seconds("window", 120, 4);
        var baselineWindow = options.Seconds("baseline-window", 20, 2);
        var lead = options.Seconds("lead", 5, 1.5);
        var workers = options.Int("workers", 2, 2);
        var batch = options.Int("batch", 16, 16);

        await using var database = await BenchDatabase.CreateAsync(options, "timers");
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"timer-latency: {count} pending timers coming due over {window.TotalSeconds:F0} s ({count / window.TotalSeconds:F0}/s); {workers} claim loops, batches of {batch}"));

        var (committed, recorded) = await MeasureWorkerAsync(database, count, window, lead, workers, batch, log, cancellationToken);
        var worker = LatencySummary.Of(committed);
        await log.WriteLineAsync(worker.Describe("  worker   due → escalation committed"));
        await log.WriteLineAsync(LatencySummary.Of(recorded).Describe("  worker   due → event recorded_at"));

        var baselineCount = (int)Math.Clamp(count * baselineWindow.TotalSeconds / window.TotalSeconds, 1, count);
        var baseline = LatencySummary.Of(
            await BareClaimLoop.MeasureAsync(database.DataSource, count, baselineCount, baselineWindow, lead, workers, batch, cancellationToken));
        await log.WriteLineAsync(baseline.Describe($"  baseline due → bare claim committed ({baselineCount} due of {count})"));

        var name = string.Create(CultureInfo.InvariantCulture, $"timer precision, due → escalation committed ({count:N0} pending, {count / window.TotalSeconds:F0} due/s)");
        const string baselineName = "bare SKIP LOCKED claim loop";
        List<BenchFigure> figures =
        [
            new("5", name + ", p50", worker.P50, "ms", baseline.P50, baselineName),
            new("5", name + ", p99", worker.P99, "ms", baseline.P99, baselineName, Target.Below(1000, "ms")),
        ];
        var worked = committed.Count == count;
        return new ScenarioResult(Name, new Dictionary<string, string>
        {
            ["timers"] = count.ToString("N0", CultureInfo.InvariantCulture),
            ["window"] = $"{window.TotalSeconds} s (baseline {baselineWindow.TotalSeconds} s at the same rate)",
            ["claim loops"] = workers.ToString(CultureInfo.InvariantCulture),
            ["batch"] = batch.ToString(CultureInfo.InvariantCulture),
        }, figures, worked, clock.Elapsed, worked ? null : $"{committed.Count} of {count} timers fired in time");
    }

    private static async Task<(IReadOnlyList<double> Committed, IReadOnlyList<double> Recorded)> MeasureWorkerAsync(
        BenchDatabase database, int count, TimeSpan window, TimeSpan lead, int workers, int batch, TextWriter log,
        CancellationToken cancellationToken)
    {
        var committed = new ConcurrentBag<double>();
        using var listener = ListenToFiringLatency(committed);
        await using var service = await StartServiceAsync(database, workers, batch, cancellationToken);

        var seeding = Stopwatch.StartNew();
        await ReportIncidentsAsync(service.Services, (count + TimersPerIncident - 1) / TimersPerIncident, cancellationToken);
        await MoveTimersIntoWindowAsync(database.ConnectionString, count, TimeProvider.System.GetUtcNow() + lead, window, cancellationToken);
        var cpu = await CpuMeter.ForServerAsync(database.DataSource, cancellationToken);
        var cpuBefore = cpu.Read();
        service.Services.GetRequiredService<SignalHub>().Raise(SignalChannels.Timers);
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  seeded {count} timers in {seeding.Elapsed.TotalSeconds:F1} s; firing…"));

        var giveUpAt = Stopwatch.StartNew();
        while (committed.Count < count && giveUpAt.Elapsed < lead + window + TimeSpan.FromMinutes(1))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }

        await log.WriteLineAsync($"  {(cpu.Read() - cpuBefore).PerOperation(committed.Count)} (the service's firing and projections, per timer)");
        await service.StopAsync(cancellationToken);
        return ([.. committed], await RecordedLatenciesAsync(database.ConnectionString, cancellationToken));
    }

    private static MeterListener ListenToFiringLatency(ConcurrentBag<double> latencies)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == DeadlineTimerMetrics.MeterName && instrument.Name == DeadlineTimerMetrics.LatencyInstrument)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag is { Key: "outcome", Value: "escalated" })
                {
                    latencies.Add(value);
                }
            }
        });
        listener.Start();
        return listener;
    }

    private static async Task<WebApplication> StartServiceAsync(BenchDatabase database, int workers, int batch, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Incidents"] = database.ConnectionString,
            ["Deadlines:Workers"] = workers.ToString(CultureInfo.InvariantCulture),
            ["Deadlines:BatchSize"] = batch.ToString(CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddIncidents();
        var app = builder.Build();
        app.UseIncidents();
        await app.StartAsync(cancellationToken);
        return app;
    }

    /// <summary>
    /// Reports impersonations through the pipeline's decision and participants, a hundred new incidents per transaction:
    /// the same events, summaries, timers and account claims as one report per request, written faster.
    /// </summary>
    private static async Task ReportIncidentsAsync(IServiceProvider services, int incidents, CancellationToken cancellationToken)
    {
        var pipeline = services.GetRequiredService<CommandPipeline>();
        var store = services.GetRequiredService<PostgresEventStore>();
        var reporter = new Actor(Guid.CreateVersion7().ToString("D"), Role.Staff);
        await Parallel.ForEachAsync(
            Enumerable.Range(0, incidents).Chunk(ReportsPerSeedingBatch),
            new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken },
            async (chunk, token) =>
            {
                await using var unit = store.BeginUnitOfWork();
                foreach (var i in chunk)
                {
                    var id = IncidentId.New();
                    var report = new ReportIncident(
                        id.Value, IncidentKind.Impersonation, Platform.X, $"@bench_fake_{i}", null, "ベンチマーク用の成りすまし", [], null, null, null);
                    var outcome = pipeline.Prepare(
                        unit, LoadedIncident.Nothing, new CommandRequest(id, report, reporter, ExpectedIncidentVersion.Any, "bench", Guid.CreateVersion7().ToString("D")));
                    if (outcome is not CommandOutcome.Applied)
                    {
                        throw new InvalidOperationException($"Seeding failed: {outcome}");
                    }
                }

                await unit.CommitAsync(token);
            });
    }

    /// <summary>
    /// Spreads exactly <paramref name="count"/> timers evenly over the window, in a shuffled order so that one incident's
    /// timers do not come due together, and remembers each due time for the recorded_at cross-check.
    /// </summary>
    private static async Task MoveTimersIntoWindowAsync(
        string connectionString, int count, DateTimeOffset start, TimeSpan window, CancellationToken cancellationToken)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand("delete from timers where key in (select key from timers order by key offset $1)")
        {
            Parameters = { new() { Value = count } },
        });
        batch.BatchCommands.Add(new NpgsqlBatchCommand("create table bench_due (key text primary key, due_at timestamptz not null)"));
        batch.BatchCommands.Add(new NpgsqlBatchCommand("""
            with ordered as (select key, row_number() over (order by md5(key)) - 1 as n from timers),
                 moved as (update timers t set due_at = $1 + make_interval(secs => o.n * $2 / $3)
                             from ordered o where o.key = t.key
                           returning t.key, t.due_at)
            insert into bench_due select key, due_at from moved
            """)
        {
            Parameters = { new() { Value = start }, new() { Value = window.TotalSeconds }, new() { Value = (double)count } },
        });
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await using var analyze = dataSource.CreateCommand("vacuum analyze timers");
        await analyze.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<IReadOnlyList<double>> RecordedLatenciesAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand("""
            select extract(epoch from e.recorded_at - d.due_at)::float8 * 1000
              from events e
              join bench_due d on d.key = substring(e.stream_id from 10) || '/' || (e.data->>'stepKey') || '/'
                                         || (e.data->>'generation') || '/' || (e.data->>'escalation')
             where e.type = 'step-escalated'
            """);
        var latencies = new List<double>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            latencies.Add(reader.GetDouble(0));
        }

        return latencies;
    }
}
