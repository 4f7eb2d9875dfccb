using Incidents.Domain.Access;
using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Incidents.State;
using Incidents.Domain.Text;

namespace Incidents.Domain.Incidents.Commands;

/// <summary>
/// Ends the response. Refused while a mandatory step is open; optional steps still open are waived with the
/// closing as their reason, so nothing stays open on a closed incident.
/// </summary>
public sealed record CloseIncident : IIncidentCommand
{
    public static readonly LocalizedText ClosingReason = new("インシデントの終了により不要", "Not needed: the incident was closed");

    public IReadOnlySet<Role> PermittedRoles => RoleSet.SecurityOfficers;

    public Decision Decide(IncidentState state, CommandContext context)
    {
        switch (state.Status)
        {
            case IncidentStatus.None:
                return Refusal.Missing("incident-not-found", "No incident has this id.");
            case IncidentStatus.Closed:
                return Decision.NoChange;
        }

        var runbook = context.Runbooks.For(state.Kind);
        var open = state.Steps.Where(s => s.IsOpen).ToList();
        var blocking = open.Where(s => runbook.Step(s.Key)?.Mandatory ?? true).Select(s => s.Key).ToList();
        if (blocking.Count > 0)
        {
            return Refusal.Conflict(
                "open-mandatory-steps",
                $"The incident cannot close while mandatory steps are open: {string.Join(", ", blocking)}. Complete them first.");
        }

        return Decision.Accept(
        [
            .. open.Select(s => new StepWaived(state.Id, s.Key, s.Generation, ClosingReason.Ja, context.By, context.Now)),
            new IncidentClosed(state.Id, context.By, context.Now),
        ]);
    }
}
