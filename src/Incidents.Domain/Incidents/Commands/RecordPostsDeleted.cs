using Incidents.Domain.Access;
using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Incidents.Rules;
using Incidents.Domain.Incidents.State;
using Incidents.Domain.Runbooks;

namespace Incidents.Domain.Incidents.Commands;

/// <summary>Posts were removed from our account: the ones a hijacker made, or our own wrong post.</summary>
public sealed record RecordPostsDeleted(IReadOnlyList<string> PostUrls, string? Note) : IIncidentCommand
{
    public IReadOnlySet<Role> PermittedRoles => RoleSet.Responders;

    public Decision Decide(IncidentState state, CommandContext context)
    {
        if ((IncidentGuard.RequireActive(state) ?? SecretText.Check(Note)) is { } refusal)
        {
            return refusal;
        }

        if (!context.Runbooks.For(state.Kind).Has(StepAction.DeletePosts))
        {
            return StepRefusals.NotInRunbook("delete posts", state.Kind);
        }

        var newlyDeleted = PostUrls.Distinct().Where(url => !state.DeletedPostUrls.Contains(url)).ToList();
        if (newlyDeleted.Count == 0)
        {
            return Decision.NoChange;
        }

        return Decision.Accept(
        [
            new PostsDeleted(state.Id, newlyDeleted, Note, context.By, context.Now),
            .. StepProgress.Complete(state, context, StepAction.DeletePosts),
        ]);
    }
}
