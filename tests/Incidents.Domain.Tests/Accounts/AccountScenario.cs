using System.Collections.Immutable;
using Incidents.Domain.Access;
using Incidents.Domain.Accounts;
using Incidents.Domain.Accounts.Commands;
using Incidents.Domain.Accounts.Events;
using Incidents.Domain.Accounts.State;
using Incidents.Domain.Incidents;
using Incidents.Domain.Tests.Scenarios;

namespace Incidents.Domain.Tests.Accounts;

/// <summary>An official account's history built by deciding real commands in order, like <see cref="Scenario"/> for incidents.</summary>
public sealed record AccountScenario(AccountState State, ImmutableList<IAccountEvent> History, DateTimeOffset Now)
{
    public static readonly Guid AccountId = Guid.Parse("01960000-0000-7000-8000-0000000ac001");

    public static readonly OperationPolicy Policy = new(
        "町の魅力と防災情報を届ける", "イベント、観光、防災・安全安心情報", "平日 9時〜17時、1日1〜3回", "原則として返信・フォローは行いません", null);

    public static AccountScenario None { get; } = new(AccountState.Initial, [], Given.Start);

    public static OpenAccount Open(Platform platform = Platform.X, string handle = "@misato_town", string url = "https://x.com/misato_town") =>
        new(AccountId, platform, handle, "美里町公式", url, "総務課", Policy, "https://www.town.misato.example.jp/sns/x.html", "総務課長 田中");

    public static AccountScenario Opened() => None.Do(Open(), Actors.DepartmentHead);

    public static AccountScenario Listed() => Opened().Do(new AddToPublicList(), Actors.Ciso);

    public AccountScenario AbolitionNotified(DateTimeOffset? plannedClosingAt = null) =>
        Do(new NotifyAbolition(AbolitionReason.PurposeAchieved, "事業終了", plannedClosingAt), Actors.DepartmentHead);

    public AccountScenario Unlisted() => Do(new RemoveFromPublicList(), Actors.Ciso);

    public AccountScenario Closed() => Do(new CloseAccount("アカウントを削除した"), Actors.DepartmentHead);

    public AccountScenario After(TimeSpan elapsed) => this with { Now = Now + elapsed };

    public AccountDecision Decide(IAccountCommand command, Actor actor) => command.Decide(State, new AccountCommandContext(actor, Now));

    /// <summary>Decides and records a command; the role must be permitted and the command must change something.</summary>
    public AccountScenario Do(IAccountCommand command, Actor actor)
    {
        var decision = Decide(command, actor);
        var events = RecordedDecision.EventsOf(command, command.PermittedRoles, actor, decision.Refusal, decision.Events);
        return this with
        {
            State = events.Aggregate(State, (state, e) => state.Apply(e)),
            History = History.AddRange(events),
            Now = Now + Scenario.Tick,
        };
    }
}
