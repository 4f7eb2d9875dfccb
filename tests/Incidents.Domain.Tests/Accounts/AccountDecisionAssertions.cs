using Incidents.Domain.Accounts.Commands;
using Incidents.Domain.Accounts.Events;
using Incidents.Domain.Decisions;

namespace Incidents.Domain.Tests.Accounts;

public static class AccountDecisionAssertions
{
    public static IReadOnlyList<IAccountEvent> ShouldAccept(this AccountDecision decision)
    {
        if (decision.Refusal is { } refusal)
        {
            Assert.Fail($"Expected events, but the command was refused: {refusal.Kind} '{refusal.Code}': {refusal.Message}");
        }

        Assert.NotEmpty(decision.Events);
        return decision.Events;
    }

    public static void ShouldChangeNothing(this AccountDecision decision)
    {
        Assert.Null(decision.Refusal);
        Assert.Empty(decision.Events);
    }

    public static Refusal ShouldRefuse(this AccountDecision decision, RefusalKind kind, string code)
    {
        var refusal = Assert.IsType<Refusal>(decision.Refusal);
        Assert.Equal((kind, code), (refusal.Kind, refusal.Code));
        Assert.Empty(decision.Events);
        Assert.False(string.IsNullOrWhiteSpace(refusal.Message));
        return refusal;
    }
}
