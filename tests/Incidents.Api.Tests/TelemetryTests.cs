using System.Collections.Concurrent;
using System.Diagnostics;
using Incidents.Api.Telemetry;
using Incidents.Domain.Access;
using Incidents.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace Incidents.Api.Tests;

/// <summary>The real service with an in-memory telemetry sink: what one report records, and that logs carry the trace.</summary>
[Collection(SoloCollection.Name)]
public sealed class TelemetryTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly ConcurrentQueue<Metric> _metrics = new();
    private readonly ScopeCapture _logs = new();
    private BaseExportingMetricReader _reader = null!;
    private TestDatabase _database = null!;
    private ApiFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("telemetry");
        _reader = new BaseExportingMetricReader(new Collect<Metric>(_metrics));
        _factory = new ApiFactory(_database, services: services =>
        {
            services.AddSingleton(new TelemetrySink(new SimpleActivityExportProcessor(new Collect<Activity>(_spans)), _reader));
            services.AddLogging(logging => logging.AddProvider(_logs).AddFilter<ScopeCapture>("Microsoft.AspNetCore.Hosting", LogLevel.Information));
        });
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task One_report_records_http_command_decision_and_append_in_one_trace_with_the_incident_as_attributes()
    {
        var staff = await _factory.ClientForAsync("alice", Role.Staff);

        var (id, _) = await staff.ReportAsync();

        var command = Assert.Single(_spans, s => s.DisplayName == "command ReportIncident" && id.Equals(s.GetTagItem("incident.id")));
        var decide = Assert.Single(_spans, s => s.DisplayName == "decide ReportIncident" && s.TraceId == command.TraceId);
        var append = Assert.Single(_spans, s => s.DisplayName == "append" && s.TraceId == command.TraceId);
        var http = await RequestSpanAsync(command.TraceId);
        Assert.Equal(http.SpanId, command.ParentSpanId);
        Assert.Equal(command.SpanId, decide.ParentSpanId);
        Assert.Equal(command.SpanId, append.ParentSpanId);
        Assert.Equal(id, command.GetTagItem("incident.id"));
        Assert.Equal("impersonation", command.GetTagItem("incident.kind"));
        Assert.Equal("applied", command.GetTagItem("incidents.outcome"));
        Assert.Equal(5, append.GetTagItem("incidents.events"));
    }

    [Fact]
    public async Task Reporting_counts_the_incident_by_kind_and_measures_command_and_append_latency()
    {
        var staff = await _factory.ClientForAsync("alice", Role.Staff);
        await staff.ReportAsync();
        await staff.ReportAsync(new { kind = "backlash", platform = "facebook", accountHandle = "misato.town", whatWasSeen = "告知への批判が殺到" });

        Assert.True(_reader.Collect(5000));

        var opened = MetricPoints("incidents.opened");
        Assert.Equal(1, opened.Single(p => Tag(p, "kind") == "impersonation").GetSumLong());
        Assert.Equal(1, opened.Single(p => Tag(p, "kind") == "backlash").GetSumLong());
        Assert.Equal(2, MetricPoints("incidents.command.duration").Single(p => Tag(p, "command") == "ReportIncident").GetHistogramCount());
        Assert.True(MetricPoints("incidents.append.duration").Sum(p => p.GetHistogramCount()) >= 2);
    }

    [Fact]
    public async Task Log_entries_written_during_a_request_carry_its_trace_id()
    {
        var staff = await _factory.ClientForAsync("alice", Role.Staff);

        await staff.ReportAsync();

        var command = _spans.First(s => s.DisplayName == "command ReportIncident");
        Assert.Contains(_logs.TraceIds, traceId => traceId == command.TraceId.ToHexString());
    }

    /// <summary>
    /// The server's request span ends, and is exported, only after the response went out, so the client can look for
    /// it a moment too early. Waits for it, within bounds.
    /// </summary>
    private async Task<Activity> RequestSpanAsync(ActivityTraceId traceId)
    {
        var giveUp = DateTime.UtcNow.AddSeconds(5);
        while (true)
        {
            var spans = _spans.Where(s => s.Source.Name == "Microsoft.AspNetCore" && s.TraceId == traceId).ToList();
            if (spans.Count > 0 || DateTime.UtcNow > giveUp)
            {
                return Assert.Single(spans);
            }

            await Task.Delay(10);
        }
    }

    private List<MetricPoint> MetricPoints(string name)
    {
        var points = new List<MetricPoint>();
        foreach (var metric in _metrics.Where(m => m.Name == name))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                points.Add(point);
            }
        }

        return points;
    }

    private static string? Tag(MetricPoint point, string key)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key)
            {
                return tag.Value?.ToString();
            }
        }

        return null;
    }

    private sealed class Collect<T>(ConcurrentQueue<T> into) : BaseExporter<T>
        where T : class
    {
        public override ExportResult Export(in Batch<T> batch)
        {
            foreach (var item in batch)
            {
                into.Enqueue(item);
            }

            return ExportResult.Success;
        }
    }

    /// <summary>Records the TraceId scope value of every log entry, as the JSON console would print it.</summary>
    private sealed class ScopeCapture : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

        public ConcurrentBag<string> TraceIds { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class Logger(ScopeCapture capture) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => capture._scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                capture._scopes.ForEachScope((scope, _) =>
                {
                    if (scope is IEnumerable<KeyValuePair<string, object?>> values &&
                        values.FirstOrDefault(v => v.Key == "TraceId").Value is { } traceId)
                    {
                        capture.TraceIds.Add(traceId.ToString()!);
                    }
                }, (object?)null);
        }
    }
}
