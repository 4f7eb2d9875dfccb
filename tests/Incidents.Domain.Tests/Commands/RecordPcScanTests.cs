using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Commands;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Tests.Scenarios;

namespace Incidents.Domain.Tests.Commands;

/// <summary>A missing or closed incident: see MissingIncidentTests and ClosedIncidentTests. Infections: StepTriggerTests.</summary>
public sealed class RecordPcScanTests
{
    [Theory]
    [InlineData(IncidentStatus.Reported)]
    [InlineData(IncidentStatus.Responding)]
    [InlineData(IncidentStatus.Resolved)]
    public void Recording_a_clean_scan_completes_the_full_scan_step(IncidentStatus status)
    {
        var given = Given.In(IncidentKind.AccountTakeover, status);

        var events = given.Decide(new RecordPcScan(Scenario.Device, ScanResult.Clean, "検出なし"), Actors.SecurityManager).ShouldAccept();

        Assert.Equal(
            [
                new PcScanned(Given.IncidentId, Scenario.Device, ScanResult.Clean, "検出なし", Actors.SecurityManager.Id, given.Now),
                new StepCompleted(Given.IncidentId, "full-scan-pc", 1, null, Actors.SecurityManager.Id, given.Now),
            ],
            events);
    }

    [Fact]
    public void Recording_the_same_result_for_the_same_device_twice_changes_nothing()
    {
        var given = Given.Reported(IncidentKind.AccountTakeover).ScannedPc(ScanResult.Clean);

        given.Decide(new RecordPcScan(Scenario.Device, ScanResult.Clean, null), Actors.SecurityManager).ShouldChangeNothing();
    }

    [Fact]
    public void Recording_a_scan_of_another_device_is_recorded_without_touching_finished_steps()
    {
        var given = Given.Reported(IncidentKind.AccountTakeover).ScannedPc(ScanResult.Clean);

        var events = given.Decide(new RecordPcScan("soumu-pc-02", ScanResult.Clean, null), Actors.SecurityManager).ShouldAccept();

        Assert.Equal("soumu-pc-02", Assert.IsType<PcScanned>(Assert.Single(events)).DeviceName);
    }

    [Theory]
    [InlineData(IncidentKind.Impersonation)]
    [InlineData(IncidentKind.Backlash)]
    [InlineData(IncidentKind.Hoax)]
    [InlineData(IncidentKind.ErroneousPost)]
    public void Recording_a_scan_for_a_kind_without_that_step_is_refused(IncidentKind kind)
    {
        var given = Given.Reported(kind);

        given.Decide(new RecordPcScan(Scenario.Device, ScanResult.Clean, null), Actors.SecurityManager)
            .ShouldRefuse(RefusalKind.StateConflict, "not-in-runbook");
    }

    [Fact]
    public void Recording_a_scan_with_a_secret_in_the_findings_is_refused()
    {
        var given = Given.Reported(IncidentKind.AccountTakeover);

        given.Decide(new RecordPcScan(Scenario.Device, ScanResult.Infected, "api_key=sk-123 が平文で保存"), Actors.SecurityManager)
            .ShouldRefuse(RefusalKind.Invalid, "secret-in-text");
    }


    [Fact]
    public void Scanning_the_same_device_again_for_a_reopened_scan_step_completes_its_new_generation()
    {
        var given = Given.In(IncidentKind.AccountTakeover, IncidentStatus.Closed).Reopened("full-scan-pc");

        var events = given.Decide(new RecordPcScan(Scenario.Device, ScanResult.Clean, null), Actors.SecurityManager).ShouldAccept();

        Assert.Equal(("full-scan-pc", 2), (events.Single<StepCompleted>().StepKey, events.Single<StepCompleted>().Generation));
    }

    [Fact]
    public void Scanning_the_same_device_infected_again_while_remove_malware_is_open_changes_nothing()
    {
        var given = Given.Reported(IncidentKind.AccountTakeover).ScannedPc(ScanResult.Infected);

        given.Decide(new RecordPcScan(Scenario.Device, ScanResult.Infected, null), Actors.SecurityManager).ShouldChangeNothing();
    }
}
