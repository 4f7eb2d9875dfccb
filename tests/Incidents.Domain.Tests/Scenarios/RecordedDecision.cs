using Incidents.Domain.Access;
using Incidents.Domain.Decisions;

namespace Incidents.Domain.Tests.Scenarios;

/// <summary>
/// What a scenario demands before it records a decision, as the service would: the actor's role is permitted, the
/// command is not refused, and it changes something, so a scenario never silently skips a step it claims to take.
/// </summary>
public static class RecordedDecision
{
    public static IReadOnlyList<TEvent> EventsOf<TEvent>(
        object command, IReadOnlySet<Role> permittedRoles, Actor actor, Refusal? refusal, IReadOnlyList<TEvent> events)
    {
        var name = command.GetType().Name;
        if (!permittedRoles.Contains(actor.Role))
        {
            throw new InvalidOperationException($"{actor.Role} may not issue {name}.");
        }

        if (refusal is not null)
        {
            throw new InvalidOperationException($"{name} was refused: {refusal.Code}: {refusal.Message}");
        }

        return events.Count == 0 ? throw new InvalidOperationException($"{name} changed nothing.") : events;
    }
}
