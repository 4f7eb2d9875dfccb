using Incidents.Domain.Deadlines;
using Incidents.Domain.Incidents.Commands;

namespace Incidents.Api.Pipeline;

/// <summary>The payload of a deadline timer: which escalation of which step opening to attempt when it fires.</summary>
public sealed record EscalationTimerMessage(Guid IncidentId, string StepKey, int Generation, int Escalation)
{
    public const string MessageType = "escalate-overdue-step";

    public static EscalationTimerMessage From(DeadlineTimer timer) => new(timer.IncidentId, timer.StepKey, timer.Generation, timer.Escalation);

    public EscalateOverdueStep ToCommand() => new(StepKey, Generation, Escalation);
}
