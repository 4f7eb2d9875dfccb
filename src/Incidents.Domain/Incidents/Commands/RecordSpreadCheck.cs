using Incidents.Domain.Access;
using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Incidents.Rules;
using Incidents.Domain.Incidents.State;
using Incidents.Domain.Runbooks;

namespace Incidents.Domain.Incidents.Commands;

/// <summary>Whether a wrong post spread (002 §4(4)). Copies found open the step to ask for their deletion.</summary>
public sealed record RecordSpreadCheck(bool Spread, IReadOnlyList<string> CopyUrls) : IIncidentCommand
{
    public IReadOnlySet<Role> PermittedRoles => RoleSet.Responders;

    public Decision Decide(IncidentState state, CommandContext context)
    {
        if (IncidentGuard.RequireActive(state) is { } refusal)
        {
            return refusal;
        }

        if (!context.Runbooks.For(state.Kind).Has(StepAction.CheckSpread))
        {
            return StepRefusals.NotInRunbook("check the spread of a post", state.Kind);
        }

        if (!Spread && CopyUrls.Count > 0)
        {
            return Refusal.Invalid("copies-without-spread", "copyUrls were given but spread is false; set spread to true.");
        }

        var newCopies = CopyUrls.Distinct().Where(url => !state.CopyUrls.Contains(url)).ToList();
        if (state.Spread == Spread && newCopies.Count == 0 && !StepProgress.Awaits(state, context, StepAction.CheckSpread))
        {
            return Decision.NoChange;
        }

        // Copies are asked to be deleted when a spread is first found or new copies turn up, not on every re-check.
        var newlyFound = Spread && (state.Spread != true || newCopies.Count > 0);

        return Decision.Accept(
        [
            new SpreadChecked(state.Id, Spread, newCopies, context.By, context.Now),
            .. StepProgress.Complete(state, context, StepAction.CheckSpread),
            .. newlyFound ? StepProgress.OpenTriggered(state, context, StepTriggerKind.SpreadFound) : [],
        ]);
    }
}
