using Incidents.Domain.Access;
using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Incidents.Rules;
using Incidents.Domain.Incidents.State;

namespace Incidents.Domain.Incidents.Commands;

/// <summary>Decides that an optional step is not needed here, and says why. Mandatory steps cannot be waived.</summary>
public sealed record WaiveStep(string StepKey, string Reason) : IIncidentCommand
{
    public IReadOnlySet<Role> PermittedRoles => RoleSet.Coordinators;

    public Decision Decide(IncidentState state, CommandContext context)
    {
        if ((IncidentGuard.RequireActive(state) ?? SecretText.Check(Reason)) is { } refusal)
        {
            return refusal;
        }

        if (context.Runbooks.For(state.Kind).Step(StepKey) is not { } definition)
        {
            return StepRefusals.Unknown(StepKey, state.Kind);
        }

        if (definition.Mandatory)
        {
            return Refusal.Conflict("step-mandatory", $"Step '{StepKey}' is mandatory and cannot be waived; it must be completed.");
        }

        return state.Step(StepKey) switch
        {
            { Status: StepStatus.Waived } => Decision.NoChange,
            { IsOpen: true } step => Decision.Accept(new StepWaived(state.Id, StepKey, step.Generation, Reason, context.By, context.Now)),
            _ => StepRefusals.NotOpen(StepKey),
        };
    }
}
