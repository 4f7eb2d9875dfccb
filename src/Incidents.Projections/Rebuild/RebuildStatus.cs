namespace Incidents.Projections.Rebuild;

public enum RebuildStatus
{
    Requested,
    Running,
    Completed,
    Failed,
}
