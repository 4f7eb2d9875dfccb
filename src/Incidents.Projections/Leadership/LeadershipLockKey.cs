using System.Text;

namespace Incidents.Projections.Leadership;

/// <summary>
/// The advisory lock of one projection: the pair (2100, FNV-1a hash of its name). The first number keeps these locks
/// apart from every other advisory lock of the service; the hash is stable across processes and versions.
/// </summary>
public readonly record struct LeadershipLockKey(int Namespace, int Key)
{
    private const int ProjectionNamespace = 2100;

    public static LeadershipLockKey For(string projection)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(projection))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return new LeadershipLockKey(ProjectionNamespace, unchecked((int)hash));
    }
}
