using Incidents.Domain.Accounts.Commands;
using Incidents.Domain.Accounts.Events;
using Incidents.Domain.Accounts.State;
using Incidents.Domain.Tests.Scenarios;

namespace Incidents.Domain.Tests.Accounts;

/// <summary>Every account event the store can hold is folded by some scenario, and refolding reproduces the state.</summary>
public sealed class AccountFoldingTests
{
    private sealed record UnknownEvent(Guid AccountId, string By, DateTimeOffset At) : IAccountEvent;

    private static IEnumerable<AccountScenario> Tour() =>
    [
        AccountScenario.Listed()
            .Do(new ChangeAccount("@misato_official", null, "https://x.com/misato_official", null, null, null, null, null, null, null, "課長"), Actors.DepartmentHead)
            .Do(new RecordVerifiedBadge(true, null), Actors.Ciso)
            .AbolitionNotified()
            .Unlisted()
            .Closed(),
        AccountScenario.Listed().Do(new CloseAccountUnderThreat("不正ログイン"), Actors.Ciso),
    ];

    [Fact]
    public void Every_account_event_type_is_folded_by_the_scenarios()
    {
        var folded = Tour().SelectMany(s => s.History).Select(e => e.GetType()).ToHashSet();

        Assert.Equal(AccountEventTypes.ByWireName.Values.OrderBy(t => t.Name), folded.OrderBy(t => t.Name));
    }

    [Fact]
    public void Every_account_event_type_has_a_wire_name()
    {
        var eventTypes = typeof(IAccountEvent).Assembly.GetTypes()
            .Where(t => typeof(IAccountEvent).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false });

        Assert.Equal(eventTypes.OrderBy(t => t.Name), AccountEventTypes.ByWireName.Values.OrderBy(t => t.Name));
    }

    [Fact]
    public void Refolding_a_history_reproduces_the_state()
    {
        foreach (var scenario in Tour())
        {
            var refolded = AccountState.Fold(scenario.History);

            Assert.Equal(scenario.State with { FormerHandles = [] }, refolded with { FormerHandles = [] });
            Assert.Equal(scenario.State.FormerHandles, refolded.FormerHandles);
        }
    }

    [Fact]
    public void Applying_an_event_the_state_does_not_know_throws()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            AccountScenario.Opened().State.Apply(new UnknownEvent(AccountScenario.AccountId, "someone", Given.Start)));

        Assert.Contains(nameof(UnknownEvent), error.Message, StringComparison.Ordinal);
    }
}
