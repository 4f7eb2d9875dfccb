using Incidents.Domain.Accounts;
using Incidents.Domain.Accounts.Commands;
using Incidents.Domain.Accounts.Events;
using Incidents.Domain.Accounts.State;
using Incidents.Domain.Decisions;
using Incidents.Domain.Tests.Scenarios;

namespace Incidents.Domain.Tests.Accounts;

public sealed class AccountLifecycleTests
{
    [Fact]
    public void The_ciso_lists_an_opened_account_once()
    {
        var listed = AccountScenario.Listed();

        Assert.Equal(AccountStatus.Listed, listed.State.Status);
        listed.Decide(new AddToPublicList(), Actors.Ciso).ShouldChangeNothing();
    }

    [Fact]
    public void Changing_the_handle_keeps_the_old_one_as_former_and_needs_an_approver()
    {
        var change = new ChangeAccount("@misato_official", null, "https://x.com/misato_official", null, null, null, null, null, null, null, "総務課長 田中");

        var changed = AccountScenario.Listed().Do(change, Actors.DepartmentHead).State;

        Assert.Equal("@misato_official", changed.Handle);
        Assert.Equal("misato_official", changed.Key.Handle);
        var former = Assert.Single(changed.FormerHandles);
        Assert.Equal("@misato_town", former.Handle);
        Assert.Equal(AccountStatus.Listed, changed.Status);
    }

    [Fact]
    public void Changing_only_the_policy_keeps_the_handle_current()
    {
        var change = new ChangeAccount(null, null, null, null, null, null, "平日 9時〜18時", null, "2027年3月まで", null, "総務課長 田中");

        var changed = AccountScenario.Listed().Do(change, Actors.DepartmentHead).State;

        Assert.Equal("平日 9時〜18時", changed.Policy.PostingSchedule);
        Assert.Equal("2027年3月まで", changed.Policy.OperationPeriod);
        Assert.Empty(changed.FormerHandles);
    }

    [Fact]
    public void Changing_nothing_records_nothing()
    {
        var change = new ChangeAccount("@misato_town", null, null, null, null, null, null, null, null, null, "総務課長 田中");

        AccountScenario.Listed().Decide(change, Actors.DepartmentHead).ShouldChangeNothing();
    }

    [Fact]
    public void A_change_whose_url_no_longer_matches_the_handle_is_refused()
    {
        var change = new ChangeAccount("@misato_official", null, null, null, null, null, null, null, null, null, "総務課長 田中");

        AccountScenario.Listed().Decide(change, Actors.DepartmentHead).ShouldRefuse(RefusalKind.Invalid, "url-does-not-match-handle");
    }

    [Fact]
    public void The_verified_badge_is_recorded_when_it_changes()
    {
        var verified = AccountScenario.Listed().Do(new RecordVerifiedBadge(true, "認証バッジ取得"), Actors.Ciso);

        Assert.True(verified.State.Verified);
        Assert.Equal(verified.History[^1].At, verified.State.VerifiedAt);
        verified.Decide(new RecordVerifiedBadge(true, null), Actors.DepartmentHead).ShouldChangeNothing();
        Assert.False(verified.Do(new RecordVerifiedBadge(false, "バッジが外れた"), Actors.Ciso).State.Verified);
    }

    [Fact]
    public void Abolition_goes_notice_then_removal_from_the_list_then_deletion()
    {
        var notified = AccountScenario.Listed().AbolitionNotified();
        Assert.Equal(AccountStatus.AbolitionNotified, notified.State.Status);
        Assert.True(notified.State.Listed);

        var unlisted = notified.Unlisted();
        Assert.Equal(AccountStatus.Unlisted, unlisted.State.Status);

        var closed = unlisted.Closed();
        Assert.Equal(AccountStatus.Closed, closed.State.Status);
        var closing = Assert.IsType<AccountClosed>(closed.History[^1]);
        Assert.Equal((AbolitionReason.PurposeAchieved, false), (closing.Reason, closing.Immediately));
    }

    [Fact]
    public void Deleting_without_notifying_the_abolition_is_refused()
    {
        AccountScenario.Listed().Decide(new CloseAccount(null), Actors.DepartmentHead)
            .ShouldRefuse(RefusalKind.StateConflict, "abolition-not-notified");
    }

    [Fact]
    public void Deleting_while_still_on_the_public_list_is_refused()
    {
        AccountScenario.Listed().AbolitionNotified().Decide(new CloseAccount(null), Actors.DepartmentHead)
            .ShouldRefuse(RefusalKind.StateConflict, "still-listed");
    }

    [Fact]
    public void Deleting_before_the_announced_date_is_refused_and_allowed_after_it()
    {
        var announced = AccountScenario.Listed().AbolitionNotified(Given.Start.AddDays(14)).Unlisted();

        announced.Decide(new CloseAccount(null), Actors.DepartmentHead).ShouldRefuse(RefusalKind.StateConflict, "announcement-period");
        announced.After(TimeSpan.FromDays(14)).Decide(new CloseAccount(null), Actors.DepartmentHead).ShouldAccept();
    }

    [Fact]
    public void An_announced_date_in_the_past_is_refused()
    {
        AccountScenario.Listed().Decide(new NotifyAbolition(AbolitionReason.Other, null, Given.Start.AddDays(-1)), Actors.DepartmentHead)
            .ShouldRefuse(RefusalKind.Invalid, "planned-closing-in-past");
    }

    [Fact]
    public void Removing_from_the_list_before_abolition_is_notified_is_refused()
    {
        AccountScenario.Listed().Decide(new RemoveFromPublicList(), Actors.Ciso).ShouldRefuse(RefusalKind.StateConflict, "abolition-not-notified");
    }

    [Fact]
    public void An_account_being_abolished_is_not_listed_again()
    {
        AccountScenario.Listed().AbolitionNotified().Unlisted().Decide(new AddToPublicList(), Actors.Ciso)
            .ShouldRefuse(RefusalKind.StateConflict, "abolition-notified");
    }

    [Fact]
    public void Under_a_security_threat_the_account_is_removed_from_the_list_and_deleted_at_once()
    {
        var events = AccountScenario.Listed().Decide(new CloseAccountUnderThreat("乗っ取られ、不正な投稿が続いている"), Actors.SecurityManager)
            .ShouldAccept();

        Assert.IsType<RemovedFromPublicList>(events[0]);
        var closed = Assert.IsType<AccountClosed>(events[1]);
        Assert.Equal((AbolitionReason.SecurityThreat, true, "乗っ取られ、不正な投稿が続いている"), (closed.Reason, closed.Immediately, closed.Note));
    }

    [Fact]
    public void Closing_at_once_an_account_that_was_never_listed_only_closes_it()
    {
        var events = AccountScenario.Opened().Decide(new CloseAccountUnderThreat("不正ログイン"), Actors.Ciso).ShouldAccept();

        Assert.IsType<AccountClosed>(Assert.Single(events));
    }

    [Fact]
    public void A_closed_account_takes_no_more_changes_and_closing_it_again_changes_nothing()
    {
        var closed = AccountScenario.Listed().AbolitionNotified().Unlisted().Closed();

        closed.Decide(new CloseAccount(null), Actors.DepartmentHead).ShouldChangeNothing();
        closed.Decide(new CloseAccountUnderThreat("x"), Actors.Ciso).ShouldChangeNothing();
        closed.Decide(new RecordVerifiedBadge(true, null), Actors.Ciso).ShouldRefuse(RefusalKind.StateConflict, "account-closed");
        closed.Decide(new AddToPublicList(), Actors.Ciso).ShouldRefuse(RefusalKind.StateConflict, "account-closed");
    }

    [Fact]
    public void Commands_on_an_account_that_does_not_exist_are_refused_as_missing()
    {
        AccountScenario.None.Decide(new AddToPublicList(), Actors.Ciso).ShouldRefuse(RefusalKind.NotFound, "account-not-found");
        AccountScenario.None.Decide(new CloseAccount(null), Actors.DepartmentHead).ShouldRefuse(RefusalKind.NotFound, "account-not-found");
        AccountScenario.None.Decide(new CloseAccountUnderThreat("x"), Actors.Ciso).ShouldRefuse(RefusalKind.NotFound, "account-not-found");
    }
}
