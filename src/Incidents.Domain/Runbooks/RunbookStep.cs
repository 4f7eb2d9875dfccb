using Incidents.Domain.Access;
using Incidents.Domain.Incidents;
using Incidents.Domain.Text;

namespace Incidents.Domain.Runbooks;

public sealed record RunbookStep
{
    public required string Key { get; init; }

    public required LocalizedText Title { get; init; }

    /// <summary>The role that must act; the first rung of the ladder reminds it.</summary>
    public required Role Responsible { get; init; }

    /// <summary>An open mandatory step keeps the incident from closing; an optional one may be waived with a reason.</summary>
    public required bool Mandatory { get; init; }

    /// <summary>Measured from when the step opens.</summary>
    public required TimeSpan Deadline { get; init; }

    public required StepAction CompletedBy { get; init; }

    public StepTrigger OpensOn { get; init; } = StepTrigger.AtReport;

    /// <summary>For <see cref="StepAction.PublishStatement"/>: publishing any of these kinds completes the step.</summary>
    public IReadOnlyList<StatementKind> StatementKinds { get; init; } = [];

    /// <summary>For <see cref="StepAction.ReportToOfficers"/>: the step completes once all of them have been told.</summary>
    public IReadOnlyList<Officer> Recipients { get; init; } = [];

    public required EscalationLadder Ladder { get; init; }

    public required IReadOnlyList<GuidelineReference> Sources { get; init; }

    public LocalizedText? Guidance { get; init; }

    public bool ProducesPublicStatement => CompletedBy == StepAction.PublishStatement;
}
