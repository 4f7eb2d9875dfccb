using Incidents.Domain.Incidents.Commands;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Incidents.State;
using Incidents.Domain.Runbooks;

namespace Incidents.Domain.Incidents.Rules;

/// <summary>How recorded facts open and complete runbook steps.</summary>
public static class StepProgress
{
    public static StepOpened Open(IncidentState state, RunbookStep step, CommandContext context) =>
        new(state.Id, step.Key, (state.Step(step.Key)?.Generation ?? 0) + 1, context.Now + step.Deadline, context.By, context.Now);

    /// <summary>Completes every open step that <paramref name="completes"/> selects, and opens the steps that follow them.</summary>
    public static IEnumerable<IIncidentEvent> Complete(
        IncidentState state, CommandContext context, Func<RunbookStep, bool> completes, string? note = null)
    {
        var runbook = context.Runbooks.For(state.Kind);
        foreach (var step in runbook.Steps.Where(completes))
        {
            if (state.Step(step.Key) is not { IsOpen: true } open)
            {
                continue;
            }

            yield return new StepCompleted(state.Id, step.Key, open.Generation, note, context.By, context.Now);
            foreach (var follower in runbook.OpenedAfter(step.Key))
            {
                if (state.Step(follower.Key) is not { IsOpen: true })
                {
                    yield return Open(state, follower, context);
                }
            }
        }
    }

    public static IEnumerable<IIncidentEvent> Complete(IncidentState state, CommandContext context, StepAction action) =>
        Complete(state, context, step => step.CompletedBy == action);

    /// <summary>
    /// Whether an open step waits for <paramref name="action"/>. A fact recorded once is recorded again only for such a
    /// step, for example one reopened after the incident closed; otherwise repeating it changes nothing.
    /// </summary>
    public static bool Awaits(IncidentState state, CommandContext context, StepAction action) =>
        context.Runbooks.For(state.Kind).Steps.Any(s => s.CompletedBy == action && state.Step(s.Key) is { IsOpen: true });

    /// <summary>Opens the steps a trigger starts (an infected scan, a spread found) unless they are open already.</summary>
    public static IEnumerable<IIncidentEvent> OpenTriggered(IncidentState state, CommandContext context, StepTriggerKind trigger) =>
        context.Runbooks.For(state.Kind).OpenedBy(trigger)
            .Where(step => state.Step(step.Key) is not { IsOpen: true })
            .Select(step => Open(state, step, context));
}
