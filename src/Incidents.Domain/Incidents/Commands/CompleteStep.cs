using Incidents.Domain.Access;
using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents.Rules;
using Incidents.Domain.Incidents.State;
using Incidents.Domain.Runbooks;

namespace Incidents.Domain.Incidents.Commands;

/// <summary>Marks a step done that has no dedicated fact to record (for example "fix the problematic part").</summary>
public sealed record CompleteStep(string StepKey, string? Note) : IIncidentCommand
{
    public IReadOnlySet<Role> PermittedRoles => RoleSet.Responders;

    public Decision Decide(IncidentState state, CommandContext context)
    {
        if ((IncidentGuard.RequireActive(state) ?? SecretText.Check(Note)) is { } refusal)
        {
            return refusal;
        }

        if (context.Runbooks.For(state.Kind).Step(StepKey) is not { } definition)
        {
            return StepRefusals.Unknown(StepKey, state.Kind);
        }

        if (definition.CompletedBy != StepAction.Manual)
        {
            return Refusal.Conflict(
                "step-needs-its-fact",
                $"Step '{StepKey}' completes when its fact ({definition.CompletedBy}) is recorded; record that instead.");
        }

        return state.Step(StepKey) switch
        {
            { Status: StepStatus.Completed } => Decision.NoChange,
            { IsOpen: true } => Decision.Accept([.. StepProgress.Complete(state, context, step => step.Key == StepKey, Note)]),
            _ => StepRefusals.NotOpen(StepKey),
        };
    }
}
