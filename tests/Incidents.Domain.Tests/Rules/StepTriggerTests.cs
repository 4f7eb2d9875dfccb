using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Commands;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Incidents.State;
using Incidents.Domain.Tests.Scenarios;

namespace Incidents.Domain.Tests.Rules;

/// <summary>How recorded facts open and complete the runbook steps that follow them.</summary>
public sealed class StepTriggerTests
{
    private const string Copy = "https://x.com/someone/status/11";

    [Fact]
    public void An_infected_scan_opens_remove_malware()
    {
        var given = Given.Reported(IncidentKind.AccountTakeover);

        var events = given.Decide(new RecordPcScan(Scenario.Device, ScanResult.Infected, "トロイの木馬"), Actors.SecurityManager).ShouldAccept();

        Assert.Equal(
            [
                new PcScanned(Given.IncidentId, Scenario.Device, ScanResult.Infected, "トロイの木馬", Actors.SecurityManager.Id, given.Now),
                new StepCompleted(Given.IncidentId, "full-scan-pc", 1, null, Actors.SecurityManager.Id, given.Now),
                new StepOpened(Given.IncidentId, "remove-malware", 1, given.Now + TimeSpan.FromHours(24), Actors.SecurityManager.Id, given.Now),
            ],
            events);
    }

    [Fact]
    public void A_later_clean_scan_completes_remove_malware()
    {
        var given = Given.Reported(IncidentKind.AccountTakeover).ScannedPc(ScanResult.Infected);

        var events = given.Decide(new RecordPcScan(Scenario.Device, ScanResult.Clean, null), Actors.SecurityManager).ShouldAccept();

        Assert.Equal(
            [
                new PcScanned(Given.IncidentId, Scenario.Device, ScanResult.Clean, null, Actors.SecurityManager.Id, given.Now),
                new StepCompleted(Given.IncidentId, "remove-malware", 1, null, Actors.SecurityManager.Id, given.Now),
            ],
            events);
    }

    [Fact]
    public void A_clean_first_scan_never_opens_remove_malware()
    {
        var state = Given.Reported(IncidentKind.AccountTakeover).ScannedPc(ScanResult.Clean).State;

        Assert.Null(state.Step("remove-malware"));
    }

    [Fact]
    public void Another_infected_device_while_remove_malware_is_open_does_not_open_it_again()
    {
        var given = Given.Reported(IncidentKind.AccountTakeover).ScannedPc(ScanResult.Infected);

        var events = given.Decide(new RecordPcScan("soumu-pc-02", ScanResult.Infected, null), Actors.SecurityManager).ShouldAccept();

        Assert.IsType<PcScanned>(Assert.Single(events));
    }

    [Fact]
    public void An_infection_after_a_clean_scan_opens_remove_malware_again()
    {
        var given = Given.Reported(IncidentKind.AccountTakeover).ScannedPc(ScanResult.Infected).ScannedPc(ScanResult.Clean);

        var opened = given.Decide(new RecordPcScan(Scenario.Device, ScanResult.Infected, null), Actors.SecurityManager).ShouldAccept().Single<StepOpened>();

        Assert.Equal(("remove-malware", 2), (opened.StepKey, opened.Generation));
    }

    [Fact]
    public void A_spread_found_opens_request_copies_deletion()
    {
        var given = Given.Reported(IncidentKind.ErroneousPost);

        var events = given.Decide(new RecordSpreadCheck(true, [Copy]), Actors.Reporter).ShouldAccept();

        Assert.Equal(
            [typeof(SpreadChecked), typeof(StepCompleted), typeof(StepOpened)],
            events.Select(e => e.GetType()));
        Assert.Equal(
            new StepOpened(Given.IncidentId, "request-copies-deletion", 1, given.Now + TimeSpan.FromHours(24), Actors.Reporter.Id, given.Now),
            events[2]);
    }

    [Fact]
    public void No_spread_leaves_request_copies_deletion_unopened_and_the_incident_closable()
    {
        var given = Given.Reported(IncidentKind.ErroneousPost).CheckedSpread(false);

        Assert.Null(given.State.Step("request-copies-deletion"));
        Assert.Equal(IncidentStatus.Closed, given.Closed().State.Status);
    }

    [Fact]
    public void Requesting_deletion_of_a_copy_completes_the_request_and_waits_for_the_answer()
    {
        var given = Given.Reported(IncidentKind.ErroneousPost).CheckedSpread(true, Copy);

        var events = given.Decide(new RequestTakedown(Copy, null), Actors.Reporter).ShouldAccept();

        Assert.Equal("request-copies-deletion", events.Single<StepCompleted>().StepKey);
        Assert.Equal("await-platform-answer", events.Single<StepOpened>().StepKey);
    }

    [Fact]
    public void Requesting_a_takedown_completes_request_takedown_and_opens_await_platform_answer()
    {
        var state = Given.Reported(IncidentKind.Impersonation).RequestedTakedown().State;

        Assert.Equal(StepStatus.Completed, state.Step("request-takedown")!.Status);
        Assert.Equal(StepStatus.Open, state.Step("await-platform-answer")!.Status);
    }

    public static TheoryData<IncidentKind> KindsThatReportToOfficers() => RunbookSteps.KindsWith("report-to-officers");

    [Theory]
    [MemberData(nameof(KindsThatReportToOfficers))]
    public void The_report_step_completes_only_once_every_listed_recipient_has_been_told(IncidentKind kind)
    {
        var given = Given.Reported(kind);
        var recipients = given.Runbook.Step("report-to-officers")!.Recipients;
        Assert.True(recipients.Count >= 2);

        var allButLast = given.ToldOfficers([.. recipients.SkipLast(1)]);
        var outsiders = Enum.GetValues<Officer>().Except(recipients).ToArray();
        var withOutsiders = outsiders.Length == 0 ? allButLast : allButLast.ToldOfficers(outsiders);

        Assert.True(withOutsiders.State.Step("report-to-officers")!.IsOpen);
        Assert.False(withOutsiders.ToldOfficers(recipients[^1]).State.Step("report-to-officers")!.IsOpen);
    }
}
