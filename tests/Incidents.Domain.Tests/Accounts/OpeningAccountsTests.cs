using Incidents.Domain.Accounts;
using Incidents.Domain.Accounts.Commands;
using Incidents.Domain.Accounts.Events;
using Incidents.Domain.Accounts.Addresses;
using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents;
using Incidents.Domain.Tests.Scenarios;

namespace Incidents.Domain.Tests.Accounts;

public sealed class OpeningAccountsTests
{
    [Fact]
    public void Opening_records_the_account_its_operation_policy_the_approver_and_who_notified_it()
    {
        var opened = Assert.IsType<AccountOpened>(Assert.Single(
            AccountScenario.None.Decide(AccountScenario.Open(), Actors.DepartmentHead).ShouldAccept()));

        Assert.Equal(AccountScenario.AccountId, opened.AccountId);
        Assert.Equal((Platform.X, "@misato_town", "https://x.com/misato_town"), (opened.Platform, opened.Handle, opened.Url));
        Assert.Equal(AccountScenario.Policy, opened.Policy);
        Assert.Equal("総務課長 田中", opened.ApprovedBy);
        Assert.Equal((Actors.DepartmentHead.Id, Given.Start), (opened.By, opened.At));
    }

    [Fact]
    public void An_opened_account_waits_for_the_ciso_to_list_it()
    {
        var state = AccountScenario.Opened().State;

        Assert.Equal(AccountStatus.Opened, state.Status);
        Assert.False(state.Listed);
        Assert.Equal(new AccountKey(Platform.X, "misato_town"), state.Key);
    }

    [Fact]
    public void Opening_an_id_that_exists_is_refused()
    {
        AccountScenario.Opened().Decide(AccountScenario.Open(), Actors.DepartmentHead).ShouldRefuse(RefusalKind.StateConflict, "account-exists");
    }

    [Theory]
    [InlineData("@misato_town", "https://bit.ly/misato", "url-shortener")]
    [InlineData("@misato_town", "https://x.com/someone_else", "url-does-not-match-handle")]
    [InlineData("@misato_town", "https://www.instagram.com/misato_town", "platform-mismatch")]
    [InlineData("@misato_town", "https://x.com/i/status/1", "not-a-profile-url")]
    [InlineData("@", "https://x.com/misato_town", "invalid-handle")]
    public void Opening_with_an_address_that_does_not_name_the_account_is_refused(string handle, string url, string code)
    {
        AccountScenario.None.Decide(AccountScenario.Open(Platform.X, handle, url), Actors.DepartmentHead).ShouldRefuse(RefusalKind.Invalid, code);
    }

    [Fact]
    public void Opening_with_a_shortened_homepage_link_is_refused()
    {
        var command = AccountScenario.Open() with { HomepageUrl = "https://tinyurl.com/misato-sns" };

        AccountScenario.None.Decide(command, Actors.DepartmentHead).ShouldRefuse(RefusalKind.Invalid, "url-shortener");
    }

    [Fact]
    public void Opening_with_a_password_in_the_operation_policy_is_refused()
    {
        var command = AccountScenario.Open() with { Policy = AccountScenario.Policy with { Content = "ID: misato, password: hunter2!" } };

        AccountScenario.None.Decide(command, Actors.DepartmentHead).ShouldRefuse(RefusalKind.Invalid, "secret-in-text");
    }

    [Fact]
    public void An_account_on_another_service_is_known_by_its_profile_url()
    {
        var command = AccountScenario.Open(Platform.Other, "@misato_town", "https://www.tiktok.com/@misato_town");

        var state = AccountScenario.None.Do(command, Actors.DepartmentHead).State;

        Assert.Equal(new AccountKey(Platform.Other, "tiktok.com/@misato_town"), state.Key);
    }
}
