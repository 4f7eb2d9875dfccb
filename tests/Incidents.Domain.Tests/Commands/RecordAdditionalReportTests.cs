using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Tests.Scenarios;

namespace Incidents.Domain.Tests.Commands;

public sealed class RecordAdditionalReportTests
{
    [Fact]
    public void Another_report_joins_the_incident_with_who_what_evidence_and_when()
    {
        var given = Given.Reported(IncidentKind.Impersonation);

        var received = given.Decide(DuplicateScenarios.AnotherReport(), Actors.Writer).ShouldAccept().Single<AdditionalReportReceived>();

        Assert.Equal(("@Misato_Town_Fake", Actors.Writer.Id, given.Now), (received.AccountHandle, received.By, received.At));
        Assert.Equal(["https://x.com/misato_town_fake/status/2"], received.EvidenceUrls);
        var state = given.ReportedAgain(Actors.Writer).State;
        Assert.Equal(2, state.ReportCount);
        Assert.Equal("内線 5678", Assert.Single(state.AdditionalReports).ReporterContact);
    }

    [Fact]
    public void The_same_person_sending_the_same_report_again_changes_nothing()
    {
        var given = Given.Reported(IncidentKind.Impersonation).ReportedAgain(Actors.Writer);

        given.Decide(DuplicateScenarios.AnotherReport(), Actors.Writer).ShouldChangeNothing();
        given.Decide(DuplicateScenarios.AnotherReport(), Actors.PublishingOfficer).ShouldAccept();
    }

    [Fact]
    public void A_report_on_a_resolved_incident_still_joins_it()
    {
        Given.In(IncidentKind.Impersonation, IncidentStatus.Resolved).Decide(DuplicateScenarios.AnotherReport(), Actors.Writer).ShouldAccept();
    }

    [Fact]
    public void A_report_on_a_closed_incident_is_refused_so_that_it_opens_a_new_one()
    {
        Given.In(IncidentKind.Impersonation, IncidentStatus.Closed).Decide(DuplicateScenarios.AnotherReport(), Actors.Writer)
            .ShouldRefuse(RefusalKind.StateConflict, "incident-closed");
    }

    [Fact]
    public void A_shortened_account_url_or_a_password_is_refused()
    {
        var given = Given.Reported(IncidentKind.Impersonation);

        given.Decide(DuplicateScenarios.AnotherReport() with { AccountUrl = "https://t.co/abc" }, Actors.Writer)
            .ShouldRefuse(RefusalKind.Invalid, "url-shortener");
        given.Decide(DuplicateScenarios.AnotherReport("password: hunter2"), Actors.Writer).ShouldRefuse(RefusalKind.Invalid, "secret-in-text");
    }
}
