using System.Diagnostics.Metrics;
using Incidents.Api.Notifications.Outbox;
using Incidents.Domain.Incidents;
using Incidents.Projections;
using Incidents.Projections.Overdue;
using Npgsql;

namespace Incidents.Api.Telemetry;

/// <summary>
/// The gauges whose values live in the database: steps overdue by kind (from the overdue-queue read model, meter
/// "Incidents.Api") and the outbox backlog by channel (meter "Incidents.Notifications"). Reading them in the instruments'
/// callbacks would make every export wait on PostgreSQL, so a background loop reads them every
/// <c>OpenTelemetry:GaugeInterval</c> (default 15 s) while telemetry is recording, and the callbacks report the last values
/// read. After a failed read they report nothing rather than a stale number.
/// </summary>
public sealed class DatabaseGauges
{
    public const string IntervalSetting = "OpenTelemetry:GaugeInterval";

    private static readonly string[] Kinds = Enum.GetValues<IncidentKind>().Select(k => WireName.Of(k)).ToArray();
    private static readonly string[] Channels = [OutboxChannels.Webhook, OutboxChannels.Email];

    private readonly OverdueQueueQuery _overdue;
    private readonly NpgsqlDataSource _dataSource;
    private readonly TelemetryProviders _providers;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly ILogger<DatabaseGauges> _logger;
    private volatile Measurement<long>[] _overdueSteps = [];
    private volatile Measurement<long>[] _backlog = [];

    public DatabaseGauges(
        IMeterFactory meters, OverdueQueueQuery overdue, NpgsqlDataSource dataSource, TelemetryProviders providers, TimeProvider time,
        IConfiguration configuration, ILogger<DatabaseGauges> logger)
    {
        _overdue = overdue;
        _dataSource = dataSource;
        _providers = providers;
        _time = time;
        _interval = configuration.GetValue(IntervalSetting, TimeSpan.FromSeconds(15));
        _logger = logger;
        meters.Create(IncidentsTracing.Name).CreateObservableGauge(
            "incidents.steps.overdue", () => _overdueSteps, "{step}", "Open steps past their deadline, by incident kind.");
        meters.Create(NotificationMetrics.MeterName).CreateObservableGauge(
            "incidents.outbox.backlog", () => _backlog, "{notification}", "Notifications waiting to be delivered (due or retrying), by channel.");
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!_providers.IsRecording)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, cancellationToken);
            return;
        }

        while (true)
        {
            await RefreshAsync(cancellationToken);

            // Sampling is paced by the real clock: it bounds the load on the database, whatever the service's clock says.
            await Task.Delay(_interval, TimeProvider.System, cancellationToken);
        }
    }

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            var overdue = await _overdue.CountByKindAsync(_time.GetUtcNow(), cancellationToken);
            _overdueSteps = Kinds.Select(k => new Measurement<long>(overdue.GetValueOrDefault(k), new KeyValuePair<string, object?>("kind", k))).ToArray();
            var backlog = await OutboxRows.BacklogAsync(_dataSource, cancellationToken);
            _backlog = Channels.Select(c => new Measurement<long>(backlog.GetValueOrDefault(c), new KeyValuePair<string, object?>("channel", c))).ToArray();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            _overdueSteps = [];
            _backlog = [];
            _logger.LogDebug(e, "Could not read the overdue steps and the outbox backlog for the gauges");
        }
    }
}
