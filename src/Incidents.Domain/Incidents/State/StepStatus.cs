namespace Incidents.Domain.Incidents.State;

public enum StepStatus
{
    /// <summary>Not opened yet: its trigger has not happened (it may never happen).</summary>
    Pending,
    Open,
    Completed,
    Waived,
}
