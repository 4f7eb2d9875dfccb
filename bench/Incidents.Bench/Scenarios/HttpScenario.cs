using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Incidents.Api.Access;
using Incidents.Bench.Load;
using Incidents.Bench.Measurement;
using Incidents.Bench.Reporting;
using Incidents.Bench.Workloads;
using Incidents.Domain.Access;
using Incidents.EventStore.Postgres.Schema;

namespace Incidents.Bench.Scenarios;

/// <summary>
/// Figures 3 and 6: the real service as its own process on a bound port (authentication, validation, decision, append
/// with its inline read model, timers and account claim), driven by a load generator in this program over HTTP/1.1
/// keep-alive connections, as a department head. For report-incident and for a step command (assigning a runbook step
/// of a reported incident, with If-Match; see <see cref="ResponderRequests"/>): the maximum rate of a closed loop of
/// --clients (16) clients, then an open loop at half that rate for the latency a caller sees when the service is not
/// saturated (p50/p99/p99.9 from each request's scheduled start). The baseline is figure 1's measurement, 16 writers
/// appending single events through the store, repeated here on a database of its own on the same server. Figure 6 is
/// the service process's peak resident memory (VmHWM) after all of that, next to its resident memory when it was
/// ready. Settings: --clients (16), --warmup (10, later phases at most 3; quick 0.5), --duration (10; quick 1.5), --baseline (5; quick 1) seconds.
/// </summary>
public sealed class HttpScenario : IBenchScenario
{
    private const double Megabyte = 1024 * 1024;

    public string Name => "http";

    public string Description => "report-incident and a step command over HTTP (closed loop maximum, open loop at half), and the service's peak memory";

    public async Task<ScenarioResult> RunAsync(BenchOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var clients = options.Int("clients", 16, 16);
        var warmUp = options.Seconds("warmup", 10, 0.5);
        // The first phase also warms the service up (the JIT recompiles hot code for about half a minute after start);
        // later phases share most of its code.
        var laterWarmUp = TimeSpan.FromTicks(Math.Min(warmUp.Ticks, TimeSpan.FromSeconds(3).Ticks));
        var duration = options.Seconds("duration", 10, 1.5);
        var baselineDuration = options.Seconds("baseline", 5, 1);

        var baseline = await MeasureAppendBaselineAsync(options, warmUp, baselineDuration, cancellationToken);
        await log.WriteLineAsync(baseline.Latency.Describe($"http: baseline store append, 16 writers ({baseline.CallsPerSecond:F0}/s)"));

        await using var database = await BenchDatabase.CreateAsync(options, "http");
        await using var api = await ApiProcess.StartAsync(database.ConnectionString, cancellationToken);
        var token = await CreateDepartmentHeadTokenAsync(database, cancellationToken);
        var idleMemory = api.WorkingSet;
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  service ready at {api.Address}, {idleMemory / Megabyte:F0} MB resident"));

        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 256,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            UseCookies = false,
        };
        using var http = new HttpClient(handler) { BaseAddress = api.Address, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var requests = new ResponderRequests(http);

        var cpu = await CpuMeter.ForServerAsync(database.DataSource, cancellationToken);

        // CPU per request of the three parties that share the machine, including the projections' work the phase caused
        // (it waits for them to catch up): where the time goes, and what bounds the rate.
        async Task<LoadResult> Phase(string what, Func<Task<LoadResult>> run)
        {
            var serviceBefore = api.CpuTime;
            var othersBefore = cpu.Read();
            var result = await run();
            var catchUp = await ProjectionsCaughtUp.WaitAsync(database.DataSource, TimeSpan.FromSeconds(60), cancellationToken);
            var service = api.CpuTime - serviceBefore;
            var others = cpu.Read() - othersBefore;
            double PerRequest(TimeSpan used) => used.TotalMilliseconds / Math.Max(1, result.AllCalls);
            await log.WriteLineAsync(result.Latency.Describe(string.Create(CultureInfo.InvariantCulture,
                $"  {what} ({result.CallsPerSecond:F0}/s, {result.Failures} failed)")));
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"    CPU per request: service {PerRequest(service):F2} ms, PostgreSQL {PerRequest(others.Server):F2} ms, load generator {PerRequest(others.Client):F2} ms; projections caught up {catchUp.TotalSeconds:F1} s after"));
            foreach (var failure in result.FailureSamples)
            {
                await log.WriteLineAsync("    failed: " + failure);
            }

            return result;
        }

        var reportMax = await Phase("report, closed loop", () =>
            ClosedLoop.RunAsync(clients, warmUp, duration, (_, t) => requests.ReportAsync(t), cancellationToken));
        var reportHalf = await Phase("report, open loop at half", () =>
            OpenLoop.RunAsync(reportMax.CallsPerSecond / 2, laterWarmUp, duration, (_, t) => requests.ReportAsync(t), cancellationToken));
        var stepMax = await Phase("step command, closed loop", () =>
            ClosedLoop.RunAsync(clients, laterWarmUp, duration, (_, t) => requests.StepAsync(t), cancellationToken));
        var stepHalf = await Phase("step command, open loop at half", () =>
            OpenLoop.RunAsync(stepMax.CallsPerSecond / 2, laterWarmUp, duration, (_, t) => requests.StepAsync(t), cancellationToken));
        var peakMemory = api.PeakWorkingSet;
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  service peak resident memory {peakMemory / Megabyte:F0} MB"));

        var figures = new List<BenchFigure>();
        AddFigures(figures, "3a", "HTTP report-incident", clients, reportMax, reportHalf, baseline);
        AddFigures(figures, "3b", "HTTP step command (assign a step)", clients, stepMax, stepHalf, baseline);
        figures.Add(new BenchFigure("6", "service peak working set under (3)", peakMemory / Megabyte, "MB", idleMemory / Megabyte,
            "resident when ready", Target.Below(300, "MB")));

        LoadResult[] all = [reportMax, reportHalf, stepMax, stepHalf];
        var worked = baseline.Failures == 0 && all.All(r => r.Failures == 0 && r.Calls > 0);
        return new ScenarioResult(Name, new Dictionary<string, string>
        {
            ["clients"] = clients.ToString(CultureInfo.InvariantCulture),
            ["measured"] = $"{duration.TotalSeconds} s per phase after a warm-up of {warmUp.TotalSeconds} s (first phase) or {laterWarmUp.TotalSeconds} s",
            ["step command"] = $"POST /api/incidents/{{id}}/{ResponderRequests.StepCommand} with If-Match",
            ["baseline"] = $"store appends, 16 writers, {baselineDuration.TotalSeconds} s",
        }, figures, worked, clock.Elapsed, worked ? null : "some requests failed");
    }

    private static void AddFigures(List<BenchFigure> figures, string id, string what, int clients, LoadResult max, LoadResult half, LoadResult baseline)
    {
        const string baselineName = "(1) store appends, 16 writers";
        var atMax = $"{what}, maximum ({clients} clients)";
        var atHalf = string.Create(CultureInfo.InvariantCulture, $"{what} at half the maximum ({half.CallsPerSecond:F0}/s, open loop)");
        figures.Add(new BenchFigure(id, atMax, max.CallsPerSecond, "requests/s", baseline.CallsPerSecond, baselineName, Target.AtLeastOfBaseline(0.5)));
        figures.Add(new BenchFigure(id, atMax + ", p50", max.Latency.P50, "ms", baseline.Latency.P50, baselineName));
        figures.Add(new BenchFigure(id, atMax + ", p99", max.Latency.P99, "ms", baseline.Latency.P99, baselineName));
        figures.Add(new BenchFigure(id, atMax + ", p99.9", max.Latency.P999, "ms", baseline.Latency.P999, baselineName));
        figures.Add(new BenchFigure(id, atHalf + ", p50", half.Latency.P50, "ms", baseline.Latency.P50, baselineName));
        figures.Add(new BenchFigure(id, atHalf + ", p99", half.Latency.P99, "ms", baseline.Latency.P99, baselineName, Target.Below(25, "ms")));
        figures.Add(new BenchFigure(id, atHalf + ", p99.9", half.Latency.P999, "ms", baseline.Latency.P999, baselineName));
    }

    /// <summary>
    /// Figure 1's 16-writer measurement, on a database of its own: its events are not incidents the service's
    /// projections could follow.
    /// </summary>
    private static async Task<LoadResult> MeasureAppendBaselineAsync(BenchOptions options, TimeSpan warmUp, TimeSpan duration, CancellationToken cancellationToken)
    {
        await using var database = await BenchDatabase.CreateAsync(options, "httpbase");
        await database.MigrateAsync(EmbeddedMigrations.EventStore);
        await using var store = new BenchEventStore(database.DataSource);
        return await AppendScenario.MeasureStoreAsync(store, new SamplePayload(store.Serializer), 16, warmUp, duration, cancellationToken);
    }

    private static async Task<string> CreateDepartmentHeadTokenAsync(BenchDatabase database, CancellationToken cancellationToken)
    {
        var users = new UserStore(database.DataSource, TimeProvider.System);
        var user = await users.CreateAsync("bench-head", [Role.DepartmentHead], null, cancellationToken);
        return await users.IssueTokenAsync(user.Id, null, cancellationToken);
    }
}
