using Incidents.Projections.Leadership;
using Incidents.Projections.Status;
using Microsoft.Extensions.Logging;

namespace Incidents.Projections.Runner;

/// <summary>
/// Runs one projection worker on whichever node holds its lock: waits for the lock, works while it holds it, and
/// contends again when it loses it. Failures other than losing the lock propagate to the hosting loop, which reports
/// them and restarts.
/// </summary>
public sealed class ProjectionHost(IProjectionWorker worker, ProjectionLeadership leadership, ProjectionRuntime runtime, ILogger<ProjectionHost> logger)
{
    public string Name => worker.Name;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await using var lease = await leadership.AcquireAsync(worker.Name, cancellationToken);
            using var leading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lease.Lost);
            runtime.Leading(worker.Name);
            logger.LogInformation("This node now runs projection {Projection}", worker.Name);
            try
            {
                await worker.RunAsLeaderAsync(leading.Token);
            }
            catch (Exception) when (lease.Lost.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("Projection {Projection} stopped here: its leadership was lost", worker.Name);
            }
            finally
            {
                runtime.SteppedDown(worker.Name);
            }
        }
    }
}
