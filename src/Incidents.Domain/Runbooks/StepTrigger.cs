namespace Incidents.Domain.Runbooks;

public enum StepTriggerKind
{
    /// <summary>Opens when the incident is reported.</summary>
    AtReport,

    /// <summary>Opens when another step completes.</summary>
    AfterStep,

    /// <summary>Opens when a PC scan finds an infection.</summary>
    InfectedScan,

    /// <summary>Opens when a wrong post is found to have spread.</summary>
    SpreadFound,
}

public sealed record StepTrigger(StepTriggerKind Kind, string? AfterStepKey = null)
{
    public static readonly StepTrigger AtReport = new(StepTriggerKind.AtReport);
    public static readonly StepTrigger InfectedScan = new(StepTriggerKind.InfectedScan);
    public static readonly StepTrigger SpreadFound = new(StepTriggerKind.SpreadFound);

    public static StepTrigger After(string stepKey) => new(StepTriggerKind.AfterStep, stepKey);
}
