using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Tests.Scenarios;

namespace Incidents.Domain.Tests.Commands;

/// <summary>Reports and the official accounts they concern: takeovers name ours, impersonations point to the genuine one.</summary>
public sealed class ReportingOurAccountsTests
{
    [Fact]
    public void A_takeover_report_that_names_none_of_our_accounts_is_refused()
    {
        var command = Given.Report(IncidentKind.AccountTakeover) with { GenuineAccount = null };

        Given.NoIncident.Decide(command, Actors.Reporter).ShouldRefuse(RefusalKind.Invalid, "takeover-needs-official-account");
    }

    [Fact]
    public void A_takeover_report_records_which_of_our_accounts_was_taken_over()
    {
        var reported = Given.NoIncident.Decide(Given.Report(IncidentKind.AccountTakeover), Actors.Reporter).ShouldAccept().Single<IncidentReported>();

        Assert.Equal(Given.OfficialAccount, reported.GenuineAccount);
    }

    [Fact]
    public void An_impersonation_report_may_name_the_genuine_account_or_leave_it_for_later()
    {
        var linked = Given.Report(IncidentKind.Impersonation) with { GenuineAccount = Given.OfficialAccount };

        Assert.Equal(Given.OfficialAccount, Given.NoIncident.Do(linked, Actors.Reporter).State.GenuineAccount);
        Assert.Null(Given.Reported(IncidentKind.Impersonation).State.GenuineAccount);
    }

    [Theory]
    [InlineData("https://bit.ly/fake", null, "url-shortener")]
    [InlineData(null, "@", "invalid-handle")]
    [InlineData(null, "https://x.com/search?q=misato", "not-a-profile-url")]
    public void A_report_whose_account_cannot_be_told_apart_is_refused(string? accountUrl, string? handle, string code)
    {
        var command = Given.Report(IncidentKind.Impersonation) with { AccountUrl = accountUrl, AccountHandle = handle ?? "@misato_town_fake" };

        Given.NoIncident.Decide(command, Actors.Reporter).ShouldRefuse(RefusalKind.Invalid, code);
    }

    [Fact]
    public void Linking_the_genuine_account_later_records_it_once()
    {
        var linked = Given.Reported(IncidentKind.Impersonation).LinkedTo(Given.OfficialAccount);

        Assert.Equal(Given.OfficialAccount, linked.State.GenuineAccount);
        linked.Decide(new Domain.Incidents.Commands.LinkGenuineAccount(Given.OfficialAccount), Actors.Reporter).ShouldChangeNothing();
    }

    [Fact]
    public void A_takeover_stays_linked_to_the_account_its_report_named()
    {
        var other = Given.OfficialAccount with { AccountId = Guid.NewGuid(), Handle = "@misato_kanko" };

        Given.Reported(IncidentKind.AccountTakeover).Decide(new Domain.Incidents.Commands.LinkGenuineAccount(other), Actors.Reporter)
            .ShouldRefuse(RefusalKind.StateConflict, "takeover-account-fixed");
    }
}
