using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Incidents.Api.Telemetry;

/// <summary>
/// The OpenTelemetry tracer and meter providers, built when the host builds its services and flushed and disposed
/// when it stops (the role of OpenTelemetry.Extensions.Hosting, which cannot be restored here). Without an OTLP
/// endpoint and without sinks nothing is built, so nothing is recorded or sent.
/// </summary>
public sealed class TelemetryProviders : IHostedService, IDisposable
{
    public static readonly string[] Sources = ["Incidents.*", "Microsoft.AspNetCore", "Npgsql"];
    public static readonly string[] Meters = ["Incidents.*", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Npgsql"];

    private readonly TracerProvider? _tracer;
    private readonly MeterProvider? _meter;

    public TelemetryProviders(IConfiguration configuration, IEnumerable<TelemetrySink> sinks, ILogger<TelemetryProviders> logger)
    {
        var endpoint = configuration["OpenTelemetry:Otlp:Endpoint"] ?? configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        var sinkList = sinks.ToList();
        if (string.IsNullOrWhiteSpace(endpoint) && sinkList.Count == 0)
        {
            return;
        }

        var resource = ResourceBuilder.CreateDefault().AddService(
            configuration["OpenTelemetry:ServiceName"] ?? "incidents",
            serviceInstanceId: configuration["OpenTelemetry:ServiceInstance"] ?? Environment.MachineName);
        var tracing = Sdk.CreateTracerProviderBuilder().SetResourceBuilder(resource).AddSource(Sources);
        var metrics = Sdk.CreateMeterProviderBuilder().SetResourceBuilder(resource).AddMeter(Meters);
        if (!string.IsNullOrWhiteSpace(endpoint))
        {
            var uri = new Uri(endpoint);
            var protocol = Protocol(configuration, uri);
            tracing.AddOtlpExporter(o => (o.Endpoint, o.Protocol) = (SignalEndpoint(uri, protocol, "traces"), protocol));
            metrics.AddOtlpExporter(o => (o.Endpoint, o.Protocol) = (SignalEndpoint(uri, protocol, "metrics"), protocol));
            logger.LogInformation("Exporting traces and metrics over OTLP ({OtlpProtocol}) to {OtlpEndpoint}", protocol, endpoint);
        }

        foreach (var sink in sinkList)
        {
            if (sink.Spans is not null)
            {
                tracing.AddProcessor(sink.Spans);
            }

            if (sink.Metrics is not null)
            {
                metrics.AddReader(sink.Metrics);
            }
        }

        _tracer = tracing.Build();
        _meter = metrics.Build();
    }

    public bool IsRecording => _tracer is not null;

    /// <summary>
    /// <c>OpenTelemetry:Otlp:Protocol</c> (or OTEL_EXPORTER_OTLP_PROTOCOL): <c>grpc</c> or <c>http/protobuf</c>; without
    /// it, the conventional ports decide (4318 is OTLP over HTTP, anything else gRPC).
    /// </summary>
    private static OtlpExportProtocol Protocol(IConfiguration configuration, Uri endpoint) =>
        (configuration["OpenTelemetry:Otlp:Protocol"] ?? configuration["OTEL_EXPORTER_OTLP_PROTOCOL"]) switch
        {
            "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
            "grpc" => OtlpExportProtocol.Grpc,
            null or "" => endpoint.Port == 4318 ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc,
            var other => throw new InvalidOperationException($"OpenTelemetry:Otlp:Protocol '{other}' is neither 'grpc' nor 'http/protobuf'."),
        };

    /// <summary>An endpoint set in code is used as it is; over HTTP each signal has its own path under the collector's base address.</summary>
    private static Uri SignalEndpoint(Uri endpoint, OtlpExportProtocol protocol, string signal) =>
        protocol == OtlpExportProtocol.HttpProtobuf ? new Uri(endpoint, endpoint.AbsolutePath.TrimEnd('/') + "/v1/" + signal) : endpoint;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Stopping last (it starts first), so the final spans of other services are exported too.</summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        _tracer?.ForceFlush(2000);
        _meter?.ForceFlush(2000);
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _tracer?.Dispose();
        _meter?.Dispose();
    }
}
