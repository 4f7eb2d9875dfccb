using Incidents.Domain.Access;
using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Incidents.Rules;
using Incidents.Domain.Incidents.State;

namespace Incidents.Domain.Incidents.Commands;

/// <summary>
/// A public statement is drafted by one person and must be approved by another with authority before it is
/// published (000 §8(1); 002 2(3)②). A correction names the published statement it corrects.
/// </summary>
public sealed record DraftStatement(
    Guid StatementId,
    StatementKind Kind,
    IReadOnlyList<StatementChannel> Channels,
    string Text,
    string? LinkUrl,
    Guid? Corrects) : IIncidentCommand
{
    public IReadOnlySet<Role> PermittedRoles => RoleSet.StatementWriters;

    public Decision Decide(IncidentState state, CommandContext context)
    {
        if ((IncidentGuard.RequireActive(state) ?? SecretText.Check(Text)) is { } refusal)
        {
            return refusal;
        }

        if (state.Statement(StatementId) is { } existing)
        {
            return existing.Kind == Kind && existing.Text == Text && existing.LinkUrl == LinkUrl && existing.Revision == 1
                ? Decision.NoChange
                : Refusal.Conflict("statement-exists", "A statement with this id already exists; revise it instead.");
        }

        if (Kind == StatementKind.CorrectInformation && string.IsNullOrWhiteSpace(LinkUrl))
        {
            return Refusal.Invalid(
                "link-required",
                "A correct-information post must link to the homepage page that carries the facts (000 §9(4)); give linkUrl.");
        }

        if (Corrects is { } corrected && state.Statement(corrected) is not { Status: StatementStatus.Published })
        {
            return Refusal.Invalid("corrects-unpublished", "'corrects' must name a published statement of this incident.");
        }

        return Decision.Accept(new StatementDrafted(
            state.Id, StatementId, Kind, Channels, Text, LinkUrl, Corrects, context.By, context.Now));
    }
}
