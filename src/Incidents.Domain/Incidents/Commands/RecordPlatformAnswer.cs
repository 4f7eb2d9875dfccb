using Incidents.Domain.Access;
using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Incidents.Rules;
using Incidents.Domain.Incidents.State;
using Incidents.Domain.Runbooks;

namespace Incidents.Domain.Incidents.Commands;

public sealed record RecordPlatformAnswer(TakedownOutcome Outcome, string? Note) : IIncidentCommand
{
    public IReadOnlySet<Role> PermittedRoles => RoleSet.Responders;

    public Decision Decide(IncidentState state, CommandContext context)
    {
        if ((IncidentGuard.RequireActive(state) ?? SecretText.Check(Note)) is { } refusal)
        {
            return refusal;
        }

        if (state.Takedowns.IsEmpty)
        {
            return Refusal.Conflict("no-takedown-requested", "No takedown was requested yet; record the request first.");
        }

        if (state.LastPlatformAnswer == Outcome && !StepProgress.Awaits(state, context, StepAction.RecordPlatformAnswer))
        {
            return Decision.NoChange;
        }

        return Decision.Accept(
        [
            new PlatformAnswerRecorded(state.Id, Outcome, Note, context.By, context.Now),
            .. StepProgress.Complete(state, context, StepAction.RecordPlatformAnswer),
        ]);
    }
}
