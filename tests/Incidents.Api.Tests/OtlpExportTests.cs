using Incidents.Api.Telemetry;
using Incidents.Api.Tests.Support;
using Incidents.Domain.Access;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Incidents.Api.Tests;

/// <summary>Export over OTLP only when an endpoint is configured, and the providers' lifetime tied to the host's.</summary>
[Collection(SoloCollection.Name)]
public sealed class OtlpExportTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private OtlpReceiver _collector = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("otlp");
        _collector = await OtlpReceiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _collector.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task With_an_endpoint_the_service_exports_traces_and_metrics_over_otlp_and_flushes_them_when_the_host_stops()
    {
        var node = new ApiFactory(_database, settings: new Dictionary<string, string>
        {
            ["OpenTelemetry:Otlp:Endpoint"] = _collector.Endpoint,
            ["OpenTelemetry:Otlp:Protocol"] = "http/protobuf",
            ["OpenTelemetry:ServiceInstance"] = "town-hall-node-1",
        });
        var staff = await node.ClientForAsync("alice", Role.Staff);
        Assert.True(node.Services.GetRequiredService<TelemetryProviders>().IsRecording);

        var (id, _) = await staff.ReportAsync();
        await node.DisposeAsync();

        var traces = _collector.Exports.Where(e => e.Path == "/v1/traces").ToList();
        Assert.NotEmpty(traces);
        Assert.All(traces, e => Assert.Equal("application/x-protobuf", e.ContentType));
        Assert.Contains(traces, e => e.Mentions("command ReportIncident") && e.Mentions(id) && e.Mentions("town-hall-node-1"));
        Assert.Contains(_collector.Exports, e => e.Path == "/v1/metrics" && e.Mentions("incidents.opened") && e.Mentions("incidents.append.duration"));
    }

    [Fact]
    public async Task Without_an_endpoint_or_a_sink_no_provider_is_built_and_nothing_is_sent()
    {
        await using (var node = new ApiFactory(_database))
        {
            var staff = await node.ClientForAsync("alice", Role.Staff);
            await staff.ReportAsync();
            Assert.False(node.Services.GetRequiredService<TelemetryProviders>().IsRecording);
        }

        using var bare = new TelemetryProviders(new ConfigurationBuilder().Build(), [], NullLogger<TelemetryProviders>.Instance);
        Assert.False(bare.IsRecording);
        Assert.Empty(_collector.Exports);
    }
}
