namespace Incidents.Projections.Checkpoints;

public enum CheckpointStatus
{
    Running,

    /// <summary>Stopped at an event it could not handle; nothing after it is applied until someone resumes or rebuilds.</summary>
    Faulted,
}
