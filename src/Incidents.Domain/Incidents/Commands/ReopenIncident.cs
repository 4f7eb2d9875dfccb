using Incidents.Domain.Access;
using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Incidents.Rules;
using Incidents.Domain.Incidents.State;

namespace Incidents.Domain.Incidents.Commands;

/// <summary>Takes a resolved or closed incident back into response, optionally opening named steps again.</summary>
public sealed record ReopenIncident(string Reason, IReadOnlyList<string> StepKeys) : IIncidentCommand
{
    public IReadOnlySet<Role> PermittedRoles => RoleSet.SecurityOfficers;

    public Decision Decide(IncidentState state, CommandContext context)
    {
        if (state.Status == IncidentStatus.None)
        {
            return Refusal.Missing("incident-not-found", "No incident has this id.");
        }

        if (state.MergedInto is { } survivor)
        {
            return IncidentGuard.Merged(survivor);
        }

        if (SecretText.Check(Reason) is { } secret)
        {
            return secret;
        }

        if (state.Status is IncidentStatus.Reported or IncidentStatus.Responding)
        {
            return Decision.NoChange;
        }

        var runbook = context.Runbooks.For(state.Kind);
        var steps = new List<IIncidentEvent>();
        foreach (var key in StepKeys.Distinct())
        {
            if (runbook.Step(key) is not { } definition)
            {
                return Refusal.Invalid("unknown-step", $"The {state.Kind} runbook has no step '{key}' to reopen.");
            }

            steps.Add(StepProgress.Open(state, definition, context));
        }

        return Decision.Accept([new IncidentReopened(state.Id, Reason, context.By, context.Now), .. steps]);
    }
}
