using Incidents.Domain.Access;
using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Incidents.Rules;
using Incidents.Domain.Incidents.State;
using Incidents.Domain.Runbooks;

namespace Incidents.Domain.Incidents.Commands;

/// <summary>The incident was reported to officers (CISO, security manager, department head, general affairs).</summary>
public sealed record ReportToOfficers(IReadOnlyList<Officer> Recipients, string? Note) : IIncidentCommand
{
    public IReadOnlySet<Role> PermittedRoles => RoleSet.Responders;

    public Decision Decide(IncidentState state, CommandContext context)
    {
        if ((IncidentGuard.RequireActive(state) ?? SecretText.Check(Note)) is { } refusal)
        {
            return refusal;
        }

        var recipients = Recipients.Distinct().ToList();
        var newlyTold = recipients.Where(r => !state.ReportedTo.Contains(r)).ToList();
        var toldNow = state.ReportedTo.Union(recipients);
        var completed = StepProgress.Complete(state, context, step =>
            step.CompletedBy == StepAction.ReportToOfficers && step.Recipients.All(toldNow.Contains)).ToList();

        // Telling officers again is news only to a report step reopened after they were first told.
        var told = newlyTold.Count > 0 ? newlyTold : recipients;
        if (told.Count == 0 || (newlyTold.Count == 0 && completed.Count == 0))
        {
            return Decision.NoChange;
        }

        return Decision.Accept([new OfficersReported(state.Id, told, Note, context.By, context.Now), .. completed]);
    }
}
