namespace Incidents.Domain.Runbooks;

/// <summary>The recorded fact that completes a step.</summary>
public enum StepAction
{
    ReportToOfficers,
    RequestTakedown,
    RecordPlatformAnswer,
    RotatePassword,
    DeletePosts,
    ScanPc,

    /// <summary>A clean scan after an infected one.</summary>
    CleanScan,
    PublishStatement,
    ContactPolice,
    CheckSpread,

    /// <summary>No dedicated fact: a person marks the step done with a note.</summary>
    Manual,
}
