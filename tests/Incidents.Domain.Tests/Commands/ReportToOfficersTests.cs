using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Commands;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Tests.Scenarios;

namespace Incidents.Domain.Tests.Commands;

/// <summary>A missing or closed incident: see MissingIncidentTests and ClosedIncidentTests.</summary>
public sealed class ReportToOfficersTests
{
    private static readonly Officer[] ImpersonationRecipients = [Officer.Ciso, Officer.DepartmentHead, Officer.GeneralAffairs];

    [Theory]
    [InlineData(IncidentStatus.Reported)]
    [InlineData(IncidentStatus.Responding)]
    [InlineData(IncidentStatus.Resolved)]
    public void Reporting_to_every_listed_officer_completes_the_report_step(IncidentStatus status)
    {
        var given = Given.In(IncidentKind.Impersonation, status);

        var events = given.Decide(new ReportToOfficers(ImpersonationRecipients, "電話で報告"), Actors.Reporter).ShouldAccept();

        Assert.Collection(
            events,
            e =>
            {
                var reported = Assert.IsType<OfficersReported>(e);
                Assert.Equal(ImpersonationRecipients, reported.Recipients);
                Assert.Equal(("電話で報告", Actors.Reporter.Id, given.Now), (reported.Note, reported.By, reported.At));
            },
            e => Assert.Equal(new StepCompleted(Given.IncidentId, "report-to-officers", 1, null, Actors.Reporter.Id, given.Now), e));
    }

    [Fact]
    public void Reporting_to_some_of_the_officers_leaves_the_report_step_open()
    {
        var given = Given.Reported(IncidentKind.Impersonation);

        var events = given.Decide(new ReportToOfficers([Officer.Ciso], null), Actors.Reporter).ShouldAccept();

        Assert.Equal([Officer.Ciso], Assert.IsType<OfficersReported>(Assert.Single(events)).Recipients);
    }

    [Fact]
    public void Reporting_to_the_remaining_officers_records_only_them_and_completes_the_step()
    {
        var given = Given.Reported(IncidentKind.Impersonation).ToldOfficers(Officer.Ciso);

        var events = given.Decide(new ReportToOfficers(ImpersonationRecipients, null), Actors.Reporter).ShouldAccept();

        Assert.Equal([Officer.DepartmentHead, Officer.GeneralAffairs], events.Single<OfficersReported>().Recipients);
        Assert.Equal("report-to-officers", events.Single<StepCompleted>().StepKey);
    }

    [Fact]
    public void Reporting_the_same_officers_twice_changes_nothing()
    {
        var given = Given.Reported(IncidentKind.Impersonation).ToldOfficers(ImpersonationRecipients);

        given.Decide(new ReportToOfficers(ImpersonationRecipients, null), Actors.Reporter).ShouldChangeNothing();
    }

    [Fact]
    public void Reporting_again_to_an_officer_already_told_changes_nothing_while_others_are_still_missing()
    {
        var given = Given.Reported(IncidentKind.Impersonation).ToldOfficers(Officer.Ciso);

        given.Decide(new ReportToOfficers([Officer.Ciso], null), Actors.Reporter).ShouldChangeNothing();
    }

    [Fact]
    public void An_officer_named_twice_in_one_report_is_recorded_once()
    {
        var given = Given.Reported(IncidentKind.Impersonation);

        var events = given.Decide(new ReportToOfficers([Officer.Ciso, Officer.Ciso], null), Actors.Reporter).ShouldAccept();

        Assert.Equal([Officer.Ciso], events.Single<OfficersReported>().Recipients);
    }

    [Fact]
    public void Reporting_on_a_kind_without_a_report_step_is_recorded_without_completing_anything()
    {
        var given = Given.Reported(IncidentKind.ErroneousPost);

        var events = given.Decide(new ReportToOfficers([Officer.DepartmentHead], null), Actors.Reporter).ShouldAccept();

        Assert.IsType<OfficersReported>(Assert.Single(events));
    }

    [Fact]
    public void Reporting_with_a_password_in_the_note_is_refused()
    {
        var given = Given.Reported(IncidentKind.AccountTakeover);

        given.Decide(new ReportToOfficers([Officer.Ciso], "新しいpassword=Hunter2!"), Actors.Reporter)
            .ShouldRefuse(RefusalKind.Invalid, "secret-in-text");
    }


    [Fact]
    public void Reporting_again_to_a_reopened_report_step_records_the_report_and_completes_its_new_generation()
    {
        var given = Given.In(IncidentKind.Impersonation, IncidentStatus.Closed).Reopened("report-to-officers");

        var events = given.Decide(new ReportToOfficers(ImpersonationRecipients, "再発を報告"), Actors.Reporter).ShouldAccept();

        Assert.Equal(ImpersonationRecipients, events.Single<OfficersReported>().Recipients);
        Assert.Equal(new StepCompleted(Given.IncidentId, "report-to-officers", 2, null, Actors.Reporter.Id, given.Now), events.Single<StepCompleted>());
    }
}
