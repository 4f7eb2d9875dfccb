using Incidents.Domain.Access;
using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Incidents.Rules;
using Incidents.Domain.Incidents.State;

namespace Incidents.Domain.Incidents.Commands;

/// <summary>Changes a draft's text. An approval of the earlier text no longer counts.</summary>
public sealed record ReviseStatement(Guid StatementId, string Text, string? LinkUrl) : IIncidentCommand
{
    public IReadOnlySet<Role> PermittedRoles => RoleSet.StatementWriters;

    public Decision Decide(IncidentState state, CommandContext context)
    {
        if ((IncidentGuard.RequireActive(state) ?? SecretText.Check(Text)) is { } refusal)
        {
            return refusal;
        }

        return state.Statement(StatementId) switch
        {
            null => StatementRefusals.Unknown(StatementId),
            { Status: StatementStatus.Published } => Refusal.Conflict(
                "statement-published",
                "Published statements are never edited. Draft a correction that names this statement in 'corrects'."),
            { Kind: StatementKind.CorrectInformation } when string.IsNullOrWhiteSpace(LinkUrl) => Refusal.Invalid(
                "link-required", "A correct-information post must link to the homepage page that carries the facts; give linkUrl."),
            var s when s.Text == Text && s.LinkUrl == LinkUrl => Decision.NoChange,
            var s => Decision.Accept(new StatementRevised(state.Id, StatementId, s.Revision + 1, Text, LinkUrl, context.By, context.Now)),
        };
    }
}
