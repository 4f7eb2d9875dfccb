using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Runbooks;
using Incidents.Domain.Tests.Scenarios;

namespace Incidents.Domain.Tests.Commands;

public sealed class ReportIncidentTests
{
    [Fact]
    public void Reporting_records_what_was_seen_who_reported_it_and_when()
    {
        var given = Given.NoIncident;
        var command = Given.Report(IncidentKind.Impersonation);

        var reported = given.Decide(command, Actors.Reporter).ShouldAccept().Single<IncidentReported>();

        Assert.Equal(Given.IncidentId, reported.IncidentId);
        Assert.Equal(IncidentKind.Impersonation, reported.Kind);
        Assert.Equal(Platform.X, reported.Platform);
        Assert.Equal("@misato_town_fake", reported.AccountHandle);
        Assert.Equal(Given.AccountUrl, reported.AccountUrl);
        Assert.Equal(command.WhatWasSeen, reported.WhatWasSeen);
        Assert.Equal(command.EvidenceUrls, reported.EvidenceUrls);
        Assert.Equal(Given.Start.AddMinutes(-30), reported.DiscoveredAt);
        Assert.Equal("総務課", reported.Department);
        Assert.Equal("内線 1234", reported.ReporterContact);
        Assert.Equal(Actors.Reporter.Id, reported.By);
        Assert.Equal(given.Now, reported.At);
    }

    [Theory]
    [InlineData(IncidentKind.Impersonation)]
    [InlineData(IncidentKind.AccountTakeover)]
    [InlineData(IncidentKind.Backlash)]
    [InlineData(IncidentKind.Hoax)]
    [InlineData(IncidentKind.ErroneousPost)]
    public void Reporting_opens_every_step_the_runbook_starts_at_report(IncidentKind kind)
    {
        var given = Given.NoIncident;
        var runbook = RunbookCatalog.Default.For(kind);

        var events = given.Decide(Given.Report(kind), Actors.Reporter).ShouldAccept();

        Assert.IsType<IncidentReported>(events[0]);
        var expected = runbook.OpenedBy(StepTriggerKind.AtReport)
            .Select(step => new StepOpened(Given.IncidentId, step.Key, 1, given.Now + step.Deadline, Actors.Reporter.Id, given.Now));
        Assert.Equal(expected, events.Skip(1));
    }

    [Fact]
    public void Reporting_an_impersonation_opens_the_report_takedown_warning_and_press_steps()
    {
        var events = Given.NoIncident.Decide(Given.Report(IncidentKind.Impersonation), Actors.Reporter).ShouldAccept();

        Assert.Equal(
            ["report-to-officers", "request-takedown", "publish-warning", "press-release"],
            events.OfType<StepOpened>().Select(o => o.StepKey));
    }

    [Theory]
    [InlineData(IncidentStatus.Reported)]
    [InlineData(IncidentStatus.Responding)]
    [InlineData(IncidentStatus.Resolved)]
    [InlineData(IncidentStatus.Closed)]
    public void Reporting_an_id_that_already_exists_is_refused(IncidentStatus status)
    {
        var given = Given.In(IncidentKind.Hoax, status);

        given.Decide(Given.Report(IncidentKind.Hoax), Actors.Reporter).ShouldRefuse(RefusalKind.StateConflict, "incident-exists");
    }

    [Fact]
    public void Reporting_a_discovery_later_than_now_is_refused()
    {
        var command = Given.Report(IncidentKind.Backlash) with { DiscoveredAt = Given.Start.AddMinutes(1) };

        Given.NoIncident.Decide(command, Actors.Reporter).ShouldRefuse(RefusalKind.Invalid, "discovered-in-future");
    }

    [Fact]
    public void Reporting_a_discovery_made_just_now_or_with_no_time_is_accepted()
    {
        Given.NoIncident.Decide(Given.Report(IncidentKind.Backlash) with { DiscoveredAt = Given.Start }, Actors.Reporter).ShouldAccept();
        Given.NoIncident.Decide(Given.Report(IncidentKind.Backlash) with { DiscoveredAt = null }, Actors.Reporter).ShouldAccept();
    }

    [Fact]
    public void Reporting_without_an_account_url_is_accepted()
    {
        var reported = Given.NoIncident.Decide(Given.Report(IncidentKind.Hoax, accountUrl: null), Actors.Reporter)
            .ShouldAccept().Single<IncidentReported>();

        Assert.Null(reported.AccountUrl);
    }

    [Fact]
    public void Reporting_a_password_in_what_was_seen_is_refused()
    {
        var command = Given.Report(IncidentKind.AccountTakeover) with { WhatWasSeen = "乗っ取られた。パスワード：abc123" };

        Given.NoIncident.Decide(command, Actors.Reporter).ShouldRefuse(RefusalKind.Invalid, "secret-in-text");
    }

    [Fact]
    public void Reporting_a_password_in_the_reporter_contact_is_refused()
    {
        var command = Given.Report(IncidentKind.AccountTakeover) with { ReporterContact = "sato / password: hunter2" };

        Given.NoIncident.Decide(command, Actors.Reporter).ShouldRefuse(RefusalKind.Invalid, "secret-in-text");
    }
}
