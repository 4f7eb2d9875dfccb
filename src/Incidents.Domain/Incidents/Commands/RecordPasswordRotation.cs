using Incidents.Domain.Access;
using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Incidents.Rules;
using Incidents.Domain.Incidents.State;
using Incidents.Domain.Runbooks;

namespace Incidents.Domain.Incidents.Commands;

/// <summary>Records that the password was changed. There is deliberately no field for the password.</summary>
public sealed record RecordPasswordRotation(string? Note) : IIncidentCommand
{
    public IReadOnlySet<Role> PermittedRoles => RoleSet.Responders;

    public Decision Decide(IncidentState state, CommandContext context)
    {
        if ((IncidentGuard.RequireActive(state) ?? SecretText.Check(Note)) is { } refusal)
        {
            return refusal;
        }

        if (!context.Runbooks.For(state.Kind).Has(StepAction.RotatePassword))
        {
            return StepRefusals.NotInRunbook("rotate a password", state.Kind);
        }

        if (state.PasswordRotatedAt is not null && !StepProgress.Awaits(state, context, StepAction.RotatePassword))
        {
            return Decision.NoChange;
        }

        return Decision.Accept(
        [
            new PasswordRotated(state.Id, Note, context.By, context.Now),
            .. StepProgress.Complete(state, context, StepAction.RotatePassword),
        ]);
    }
}
