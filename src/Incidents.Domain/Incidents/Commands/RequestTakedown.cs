using Incidents.Domain.Access;
using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Incidents.Rules;
using Incidents.Domain.Incidents.State;
using Incidents.Domain.Runbooks;

namespace Incidents.Domain.Incidents.Commands;

/// <summary>A deletion request was sent to the platform's operator. Without a target URL, the reported account is the target.</summary>
public sealed record RequestTakedown(string? TargetUrl, string? Reference) : IIncidentCommand
{
    public IReadOnlySet<Role> PermittedRoles => RoleSet.Responders;

    public Decision Decide(IncidentState state, CommandContext context)
    {
        if (IncidentGuard.RequireActive(state) is { } refusal)
        {
            return refusal;
        }

        if (!context.Runbooks.For(state.Kind).Has(StepAction.RequestTakedown))
        {
            return StepRefusals.NotInRunbook("request a takedown", state.Kind);
        }

        var target = TargetUrl ?? state.AccountUrl;
        if (string.IsNullOrWhiteSpace(target))
        {
            return Refusal.Invalid("target-required", "The incident has no account URL; give targetUrl, the page the platform should remove.");
        }

        if (state.Takedowns.Any(t => t.TargetUrl == target) && !StepProgress.Awaits(state, context, StepAction.RequestTakedown))
        {
            return Decision.NoChange;
        }

        return Decision.Accept(
        [
            new TakedownRequested(state.Id, state.Platform, target, Reference, context.By, context.Now),
            .. StepProgress.Complete(state, context, StepAction.RequestTakedown),
        ]);
    }
}
