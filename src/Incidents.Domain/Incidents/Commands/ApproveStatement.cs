using Incidents.Domain.Access;
using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Incidents.Rules;
using Incidents.Domain.Incidents.State;

namespace Incidents.Domain.Incidents.Commands;

/// <summary>Four-eyes: an approver with authority who wrote no revision of the text approves its current revision.</summary>
public sealed record ApproveStatement(Guid StatementId) : IIncidentCommand
{
    public IReadOnlySet<Role> PermittedRoles => RoleSet.StatementApprovers;

    public Decision Decide(IncidentState state, CommandContext context)
    {
        if (IncidentGuard.RequireActive(state) is { } refusal)
        {
            return refusal;
        }

        if (!RoleSet.StatementApprovers.Contains(context.Actor.Role))
        {
            return Refusal.Forbidden(
                "approver-lacks-authority", "Only a publishing officer, a department head or the CISO may approve a public statement.");
        }

        return state.Statement(StatementId) switch
        {
            null => StatementRefusals.Unknown(StatementId),
            var s when s.Authors.Contains(context.By) => Refusal.Forbidden(
                "four-eyes",
                "You wrote this statement, so you cannot approve it. Another publishing officer, department head or CISO must approve it."),
            { Status: StatementStatus.Published or StatementStatus.Approved } => Decision.NoChange,
            var s => Decision.Accept(new StatementApproved(state.Id, StatementId, s.Revision, context.By, context.Now)),
        };
    }
}
