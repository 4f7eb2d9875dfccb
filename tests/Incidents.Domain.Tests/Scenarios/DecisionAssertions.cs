using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents.Events;

namespace Incidents.Domain.Tests.Scenarios;

public static class DecisionAssertions
{
    /// <summary>Asserts the command was accepted with at least one event, and returns the events.</summary>
    public static IReadOnlyList<IIncidentEvent> ShouldAccept(this Decision decision)
    {
        if (decision.Refusal is { } refusal)
        {
            Assert.Fail($"Expected events, but the command was refused: {refusal.Kind} '{refusal.Code}': {refusal.Message}");
        }

        Assert.NotEmpty(decision.Events);
        return decision.Events;
    }

    /// <summary>Asserts the command was accepted as already recorded: no events, no refusal.</summary>
    public static void ShouldChangeNothing(this Decision decision)
    {
        if (decision.Refusal is { } refusal)
        {
            Assert.Fail($"Expected no change, but the command was refused: {refusal.Kind} '{refusal.Code}': {refusal.Message}");
        }

        Assert.Empty(decision.Events);
    }

    public static Refusal ShouldRefuse(this Decision decision, RefusalKind kind, string code)
    {
        var refusal = Assert.IsType<Refusal>(decision.Refusal);
        Assert.Equal((kind, code), (refusal.Kind, refusal.Code));
        Assert.Empty(decision.Events);
        Assert.False(string.IsNullOrWhiteSpace(refusal.Message));
        return refusal;
    }

    /// <summary>The single event of type <typeparamref name="T"/> among <paramref name="events"/>.</summary>
    public static T Single<T>(this IReadOnlyList<IIncidentEvent> events)
        where T : IIncidentEvent =>
        Assert.Single(events.OfType<T>());
}
