using System.Collections.Concurrent;

namespace Incidents.Api.Health;

/// <summary>
/// The state of every background loop. A loop that died must turn readiness red, not fail silently while the
/// service looks healthy.
/// </summary>
public sealed class BackgroundLoopStatus
{
    private readonly ConcurrentDictionary<string, (bool Healthy, string Detail)> _loops = new(StringComparer.Ordinal);

    public void Running(string loop) => _loops[loop] = (true, "running");

    public void Faulted(string loop, Exception exception) => _loops[loop] = (false, $"{exception.GetType().Name}: {exception.Message}");

    public void Stopped(string loop) => _loops[loop] = (false, "stopped");

    public IReadOnlyDictionary<string, (bool Healthy, string Detail)> Snapshot() => _loops.ToDictionary();
}
