namespace Incidents.Projections.Runner;

/// <summary>The work a node does for one projection while it holds that projection's leadership.</summary>
public interface IProjectionWorker
{
    string Name { get; }

    /// <summary>Runs until cancelled; the token also fires when leadership is lost.</summary>
    Task RunAsLeaderAsync(CancellationToken cancellationToken);
}
