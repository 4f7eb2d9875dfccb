using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Incidents.Api.Telemetry;
using Incidents.Api.Tests.Support;
using Incidents.Domain.Access;
using Incidents.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace Incidents.Api.Tests;

/// <summary>
/// The real service with an in-memory telemetry sink and a controllable clock: what one report records, through its
/// timers, projections and notifications, and that logs carry the trace.
/// </summary>
[Collection(SoloCollection.Name)]
public sealed class TelemetryTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly ConcurrentQueue<Metric> _metrics = new();
    private readonly ScopeCapture _logs = new();
    private readonly ManualTimeProvider _clock = new();
    private BaseExportingMetricReader _reader = null!;
    private TestDatabase _database = null!;
    private WebhookReceiver _receiver = null!;
    private ApiFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("telemetry");
        _receiver = await WebhookReceiver.StartAsync();
        _reader = new BaseExportingMetricReader(new Collect<Metric>(_metrics));
        var settings = new Dictionary<string, string>
        {
            ["Notifications:ImmediateRetryDelay"] = "00:00:00",
            [DatabaseGauges.IntervalSetting] = "00:00:00.200",
        };
        _factory = new ApiFactory(_database, _clock, settings, services =>
        {
            services.AddSingleton(new TelemetrySink(new SimpleActivityExportProcessor(new Collect<Activity>(_spans)), _reader));
            services.AddLogging(logging => logging.AddProvider(_logs).AddFilter<ScopeCapture>("Microsoft.AspNetCore.Hosting", LogLevel.Information));
        });
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _receiver.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task One_reported_incident_yields_one_trace_from_the_request_through_decision_append_projections_timer_and_delivery()
    {
        var admin = await _factory.ClientForAsync("kobayashi", Role.Admin);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJsonAsync("/api/webhooks", new { url = _receiver.Url })).StatusCode);
        var staff = await _factory.ClientForAsync("alice", Role.Staff);

        var (id, _) = await staff.ReportAsync();
        var command = Assert.Single(_spans, s => s.DisplayName == "command ReportIncident" && id.Equals(s.GetTagItem("incident.id")));
        var trace = command.TraceId;
        var http = await RequestSpanAsync(trace);
        var decide = Assert.Single(_spans, s => s.DisplayName == "decide ReportIncident" && s.TraceId == trace);
        var append = Assert.Single(_spans, s => s.DisplayName == "append" && s.ParentSpanId == command.SpanId);
        var projected = new List<Activity>();
        foreach (var projection in new[] { "incident-timeline", "overdue-queue", "response-metrics" })
        {
            projected.Add(await SpanAsync($"project {projection}", s => s.ParentSpanId == command.SpanId));
        }

        // The first deadline (report to the officers) is an hour after the report. The clock moves only once the report's
        // own batches are recorded, so that the escalation's events make batches of their own.
        _factory.AdvanceAndWakeTimers(_clock, TimeSpan.FromHours(1));
        var fired = await SpanAsync("fire timer", s => s.ParentSpanId == command.SpanId && "escalated".Equals(s.GetTagItem("incidents.outcome")));
        var escalate = await SpanAsync("decide EscalateOverdueStep", s => s.ParentSpanId == fired.SpanId);
        var escalationAppend = await SpanAsync("append", s => s.ParentSpanId == fired.SpanId);
        var escalationProjected = await SpanAsync("project incident-timeline", s => s.ParentSpanId == fired.SpanId);
        var reportDelivered = await SpanAsync(
            "deliver webhook", s => s.ParentSpanId == command.SpanId && "jp.incidents.incident.reported".Equals(s.GetTagItem("incidents.notification.type")));
        var escalationDelivered = await SpanAsync(
            "deliver webhook", s => s.ParentSpanId == fired.SpanId && "jp.incidents.step.escalated".Equals(s.GetTagItem("incidents.notification.type")));

        Assert.Equal(http.SpanId, command.ParentSpanId);
        Assert.Equal(command.SpanId, decide.ParentSpanId);
        Activity[] all = [http, command, decide, append, .. projected, fired, escalate, escalationAppend, escalationProjected, reportDelivered, escalationDelivered];
        Assert.All(all, span => Assert.Equal(trace, span.TraceId));
        Activity[] aboutTheIncident = [command, .. projected, fired, escalate, escalationProjected, reportDelivered, escalationDelivered];
        Assert.All(aboutTheIncident, span => Assert.Equal(id, span.GetTagItem("incident.id")));
        Activity[] knowingTheKind = [command, projected[0], fired, escalate, reportDelivered, escalationDelivered];
        Assert.All(knowingTheKind, span => Assert.Equal("impersonation", span.GetTagItem("incident.kind")));
        Assert.Equal("delivered", reportDelivered.GetTagItem("incidents.outcome"));
        Assert.Equal($"{id}/report-to-officers/1/1", fired.GetTagItem("incidents.timer.key"));
    }

    [Fact]
    public async Task The_metrics_count_openings_failures_backlog_escalations_and_overdue_steps_and_time_commands_appends_projections_and_timers()
    {
        var admin = await _factory.ClientForAsync("kobayashi", Role.Admin);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJsonAsync("/api/webhooks", new { url = _receiver.Url })).StatusCode);
        var staff = await _factory.ClientForAsync("alice", Role.Staff);
        _receiver.AnswerNext(500, 500, 500);

        var (id, _) = await staff.ReportAsync();
        await Eventually.ReadAsync(
            () => _database.ScalarAsync<long>("select count(*) from outbox where last_error is not null and delivered_at is null"),
            n => n == 1, "the failed delivery to be put back");
        var afterReport = await CollectAsync();

        Assert.Equal(1, Single(afterReport, "incidents.opened", ("kind", "impersonation")).GetSumLong());
        Assert.Equal(1, Single(afterReport, "incidents.command.duration", ("command", "ReportIncident")).GetHistogramCount());
        Assert.True(afterReport.Where(p => p.Name == "incidents.append.duration").Sum(p => p.Point.GetHistogramCount()) >= 1);
        Assert.Equal(1, Single(afterReport, "incidents.notifications.failed", ("channel", "webhook"), ("outcome", "retry")).GetSumLong());
        Assert.Equal(1, Single(afterReport, "incidents.outbox.backlog", ("channel", "webhook")).GetGaugeLastValueLong());
        Assert.Equal(0, Single(afterReport, "incidents.steps.overdue", ("kind", "impersonation")).GetGaugeLastValueLong());

        _factory.AdvanceAndWakeTimers(_clock, TimeSpan.FromHours(1));
        await Escalations.AwaitAsync(_database, id, "report-to-officers", 1, () => Wake.Timers(_factory));
        await Eventually.ReadAsync(
            () => _database.ScalarAsync<long>("select count(*) from outbox where delivered_at is null"), n => n == 0, "every notification to be delivered",
            () => Wake.Outbox(_factory));
        await ProjectionCatchUp.WaitAsync(_database.ConnectionString);
        var afterEscalation = await CollectAsync();

        Assert.Equal(1, Single(afterEscalation, "incidents.escalations", ("kind", "impersonation"), ("level", 1)).GetSumLong());
        Assert.Equal(1, Single(afterEscalation, "incidents.steps.overdue", ("kind", "impersonation")).GetGaugeLastValueLong());
        Assert.Equal(0, Single(afterEscalation, "incidents.steps.overdue", ("kind", "backlash")).GetGaugeLastValueLong());
        Assert.Equal(0, Single(afterEscalation, "incidents.outbox.backlog", ("channel", "webhook")).GetGaugeLastValueLong());
        Assert.True(Single(afterEscalation, "incidents.notifications.delivered", ("channel", "webhook"), ("type", "jp.incidents.step.escalated")).GetSumLong() >= 1);
        Assert.Equal(1, Single(afterEscalation, "incidents.timers.fire_latency", ("outcome", "escalated")).GetHistogramCount());
        foreach (var projection in new[] { "incident-timeline", "overdue-queue", "response-metrics" })
        {
            Assert.True(Single(afterEscalation, "incidents.projection.lag", ("projection", projection)).GetHistogramCount() >= 6);
        }
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

    /// <summary>Waits for a span that the background work (timers, projections, the outbox) records after the request.</summary>
    private async Task<Activity> SpanAsync(string name, Func<Activity, bool> matches)
    {
        var giveUp = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var span = _spans.FirstOrDefault(s => s.DisplayName == name && matches(s));
            if (span is not null)
            {
                return span;
            }

            Assert.True(DateTime.UtcNow < giveUp, $"no matching '{name}' span was recorded; seen: " + string.Join("; ", _spans.Where(s => s.DisplayName == name).Select(s => $"{s.TraceId}/{s.ParentSpanId} {string.Join(",", s.TagObjects.Select(t => t.Key + "=" + t.Value))}")));
            Wake.Timers(_factory);
            Wake.Outbox(_factory);
            await Task.Delay(20);
        }
    }

    /// <summary>Reads the database gauges afresh, then collects every instrument once.</summary>
    private async Task<List<(string Name, MetricPoint Point)>> CollectAsync()
    {
        await _factory.Services.GetRequiredService<DatabaseGauges>().RefreshAsync(CancellationToken.None);
        _metrics.Clear();
        Assert.True(_reader.Collect(5000));
        var points = new List<(string, MetricPoint)>();
        foreach (var metric in _metrics.Distinct())
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                points.Add((metric.Name, point));
            }
        }

        return points;
    }

    private static MetricPoint Single(List<(string Name, MetricPoint Point)> points, string name, params (string Key, object Value)[] tags) =>
        Assert.Single(points, p => p.Name == name && tags.All(t => Equals(Tag(p.Point, t.Key), t.Value.ToString()))).Point;

    private List<MetricPoint> MetricPoints(string name)
    {
        var points = new List<MetricPoint>();
        foreach (var metric in _metrics.Where(m => m.Name == name).Distinct())
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
