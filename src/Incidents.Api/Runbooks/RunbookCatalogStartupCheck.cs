using Incidents.Domain.Runbooks;

namespace Incidents.Api.Runbooks;

/// <summary>Builds the runbook catalog at startup, so a mistake in Runbooks:Overrides stops the service at once.</summary>
public sealed class RunbookCatalogStartupCheck(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<RunbookCatalog>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
