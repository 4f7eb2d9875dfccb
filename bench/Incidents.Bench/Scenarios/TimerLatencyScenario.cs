using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Incidents.Api.Composition;
using Incidents.Api.Deadlines;
using Incidents.Api.Pipeline;
using Incidents.Bench.Measurement;
using Incidents.Domain.Access;
using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Commands;
using Incidents.EventStore.Postgres.Signals;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Incidents.Bench.Scenarios;

/// <summary>
/// Deadline timer firing latency: many pending timers come due over a window while the real service (its timer worker,
/// pipeline, participants and LISTEN/NOTIFY) runs against a real database on the system clock. Latency is from a
/// timer's due time until the transaction that appended its escalation committed, as the worker measures it; the raw
/// PostgreSQL claim loop of <see cref="BareClaimLoop"/> runs afterwards on an equal table as the baseline.
/// Settings: --timers (10000; quick 2000), --window seconds (60; quick 10), --lead seconds (3), --workers (2), --batch (16).
/// </summary>
public sealed class TimerLatencyScenario : IBenchScenario
{
    /// <summary>An impersonation opens four steps at once, so each reported incident gives four pending timers.</summary>
    private const int TimersPerIncident = 4;

    public string Name => "timer-latency";

    public string Description => "deadline timers: due → escalation committed (p50/p99), with a bare SKIP LOCKED baseline";

    public async Task<int> RunAsync(BenchOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        var count = options.Int("timers", 10_000, 2_000);
        var window = TimeSpan.FromSeconds(options.Int("window", 60, 10));
        var lead = TimeSpan.FromSeconds(options.Int("lead", 3, 3));
        var workers = options.Int("workers", 2, 2);
        var batch = options.Int("batch", 16, 16);

        await using var database = await BenchDatabase.CreateAsync(options, "timers");
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"timer-latency: {count} pending timers coming due over {window.TotalSeconds:F0} s; {workers} claim loops, batches of {batch}; {Environment.ProcessorCount} CPUs"));
        await output.WriteLineAsync($"  {await ServerVersionAsync(database.ConnectionString, cancellationToken)}");

        var (committed, recorded) = await MeasureWorkerAsync(database, count, window, lead, workers, batch, output, cancellationToken);
        await output.WriteLineAsync($"  worker   due → escalation committed:   {LatencySummary.Of(committed)}");
        await output.WriteLineAsync($"  worker   due → event recorded_at:      {LatencySummary.Of(recorded)}");

        var baseline = await BareClaimLoop.MeasureAsync(database.ConnectionString, count, window, lead, workers, batch, cancellationToken);
        await output.WriteLineAsync($"  baseline due → bare claim committed:  {LatencySummary.Of(baseline)}");
        return committed.Count == count ? 0 : 1;
    }

    private static async Task<(IReadOnlyList<double> Committed, IReadOnlyList<double> Recorded)> MeasureWorkerAsync(
        BenchDatabase database, int count, TimeSpan window, TimeSpan lead, int workers, int batch, TextWriter output,
        CancellationToken cancellationToken)
    {
        var committed = new ConcurrentBag<double>();
        using var listener = ListenToFiringLatency(committed);
        await using var service = await StartServiceAsync(database, workers, batch, cancellationToken);

        var seeding = Stopwatch.StartNew();
        await ReportIncidentsAsync(service.Services.GetRequiredService<CommandPipeline>(), (count + TimersPerIncident - 1) / TimersPerIncident, cancellationToken);
        await MoveTimersIntoWindowAsync(database.ConnectionString, count, TimeProvider.System.GetUtcNow() + lead, window, cancellationToken);
        service.Services.GetRequiredService<SignalHub>().Raise(SignalChannels.Timers);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  seeded {count} timers in {seeding.Elapsed.TotalSeconds:F1} s; firing…"));

        var giveUpAt = Stopwatch.StartNew();
        while (committed.Count < count && giveUpAt.Elapsed < lead + window + TimeSpan.FromMinutes(2))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }

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

    private static async Task ReportIncidentsAsync(CommandPipeline pipeline, int incidents, CancellationToken cancellationToken)
    {
        var reporter = new Actor(Guid.CreateVersion7().ToString("D"), Role.Staff);
        await Parallel.ForEachAsync(
            Enumerable.Range(0, incidents),
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                var id = IncidentId.New();
                var report = new ReportIncident(
                    id.Value, IncidentKind.Impersonation, Platform.X, $"@bench_fake_{i}", null, "ベンチマーク用の成りすまし", [], null, null, null);
                var outcome = await pipeline.ExecuteAsync(
                    new CommandRequest(id, report, reporter, ExpectedIncidentVersion.Any, "bench", Guid.CreateVersion7().ToString("D")), token);
                if (outcome is not CommandOutcome.Applied)
                {
                    throw new InvalidOperationException($"Seeding failed: {outcome}");
                }
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

    private static async Task<string> ServerVersionAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand("select version()");
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
