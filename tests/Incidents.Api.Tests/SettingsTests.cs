using Incidents.Api.Notifications;
using Incidents.Projections.Runner;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Incidents.Api.Tests;

/// <summary>Settings that docs/operations.md documents reach the services that use them.</summary>
public sealed class SettingsTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync("settings");

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Projection_and_circuit_breaker_settings_are_read_from_configuration()
    {
        await using var node = new ApiFactory(_database, settings: new Dictionary<string, string>
        {
            ["Projections:BatchSize"] = "200",
            ["Projections:LockSessionTimeout"] = "00:00:20",
            ["Notifications:CircuitBreaker:BreakDuration"] = "00:02:00",
            ["Notifications:CircuitBreaker:MinimumThroughput"] = "10",
        });

        var projections = node.Services.GetRequiredService<ProjectionRunnerOptions>();
        var circuits = node.Services.GetRequiredService<IOptions<NotificationOptions>>().Value.CircuitBreaker;

        Assert.Equal((200, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(2)), (projections.BatchSize, projections.LockSessionTimeout, projections.Heartbeat));
        Assert.Equal((TimeSpan.FromMinutes(2), 10, 0.5), (circuits.BreakDuration, circuits.MinimumThroughput, circuits.FailureRatio));
    }
}
