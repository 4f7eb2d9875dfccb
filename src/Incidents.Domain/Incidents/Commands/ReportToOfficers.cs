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

        var newlyTold = Recipients.Distinct().Where(r => !state.ReportedTo.Contains(r)).ToList();
        if (newlyTold.Count == 0)
        {
            return Decision.NoChange;
        }

        var toldNow = state.ReportedTo.Union(newlyTold);
        return Decision.Accept(
        [
            new OfficersReported(state.Id, newlyTold, Note, context.By, context.Now),
            .. StepProgress.Complete(state, context, step =>
                step.CompletedBy == StepAction.ReportToOfficers && step.Recipients.All(toldNow.Contains)),
        ]);
    }
}
