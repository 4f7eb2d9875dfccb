using Incidents.Projections.Runner;
using Incidents.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Incidents.Projections.Tests;

/// <summary>
/// One node of the service (its real Program) with short leadership and poll intervals, so takeovers happen in test
/// time. Its deadline timer worker is off: these tests escalate steps themselves, at the moments they choose.
/// </summary>
public sealed class ProjectionNode(TestDatabase database, TimeProvider? time = null) : ApiFactory(database, time)
{
    public static ProjectionRunnerOptions FastOptions { get; } = new()
    {
        IdlePoll = TimeSpan.FromMilliseconds(500),
        LeadershipPoll = TimeSpan.FromMilliseconds(100),
        Heartbeat = TimeSpan.FromMilliseconds(200),
        HeartbeatTimeout = TimeSpan.FromSeconds(2),
        LockSessionTimeout = TimeSpan.FromSeconds(3),
        RebuildBatchSize = 50,
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Deadlines:Workers", "0");
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<ProjectionRunnerOptions>();
            services.AddSingleton(FastOptions);
        });
    }
}
