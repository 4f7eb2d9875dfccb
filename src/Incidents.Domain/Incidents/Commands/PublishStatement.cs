using Incidents.Domain.Access;
using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Incidents.Rules;
using Incidents.Domain.Incidents.State;
using Incidents.Domain.Runbooks;

namespace Incidents.Domain.Incidents.Commands;

/// <summary>Records that an approved statement went out. Only the approved revision of the text can be published.</summary>
public sealed record PublishStatement(Guid StatementId, string? PublishedUrl) : IIncidentCommand
{
    public IReadOnlySet<Role> PermittedRoles => RoleSet.StatementWriters;

    public Decision Decide(IncidentState state, CommandContext context)
    {
        if (IncidentGuard.RequireActive(state) is { } refusal)
        {
            return refusal;
        }

        return state.Statement(StatementId) switch
        {
            null => StatementRefusals.Unknown(StatementId),
            { Status: StatementStatus.Published } => Decision.NoChange,
            { Status: StatementStatus.Draft } => Refusal.Conflict(
                "approval-required",
                "This statement's current text is not approved. A publishing officer, department head or CISO who did not write it must approve it first."),
            var s => Decision.Accept(
            [
                new StatementPublished(state.Id, StatementId, s.Revision, PublishedUrl, context.By, context.Now),
                .. StepProgress.Complete(state, context, step =>
                    step.CompletedBy == StepAction.PublishStatement && step.StatementKinds.Contains(s.Kind)),
            ]),
        };
    }
}
