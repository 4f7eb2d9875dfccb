namespace Incidents.Api.Health;

/// <summary>Hosts one long-running loop; restarts it with backoff after a failure and reports its state to readiness.</summary>
public sealed class BackgroundLoop(
    string name, Func<CancellationToken, Task> run, BackgroundLoopStatus status, TimeProvider time, ILogger<BackgroundLoop> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.FromMilliseconds(250);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                status.Running(name);
                await run(stoppingToken);
                backoff = TimeSpan.FromMilliseconds(250);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                status.Faulted(name, e);
                logger.LogError(e, "Background loop {Loop} failed; restarting in {Backoff}", name, backoff);
                try
                {
                    await Task.Delay(backoff, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
            }
        }

        status.Stopped(name);
    }
}
