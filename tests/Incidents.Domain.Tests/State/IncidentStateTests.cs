using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.State;
using Incidents.Domain.Tests.Scenarios;

namespace Incidents.Domain.Tests.State;

/// <summary>What the fold keeps: the fields the decisions read.</summary>
public sealed class IncidentStateTests
{
    [Fact]
    public void The_initial_state_is_no_incident()
    {
        Assert.False(IncidentState.Initial.Exists);
        Assert.Equal(IncidentStatus.None, IncidentState.Initial.Status);
    }

    [Fact]
    public void A_report_keeps_everything_the_reporter_said()
    {
        var state = Given.Reported(IncidentKind.Impersonation).State;

        Assert.True(state.Exists);
        Assert.Equal((Given.IncidentId, IncidentStatus.Reported, IncidentKind.Impersonation, Platform.X), (state.Id, state.Status, state.Kind, state.Platform));
        Assert.Equal(("@misato_town_fake", Given.AccountUrl), (state.AccountHandle, state.AccountUrl));
        Assert.Equal(["https://x.com/misato_town_fake/status/1"], state.EvidenceUrls);
        Assert.Equal((Actors.Reporter.Id, Given.Start), (state.ReportedBy, state.ReportedAt));
        Assert.Equal(("総務課", "内線 1234"), (state.Department, state.ReporterContact));
    }

    [Fact]
    public void A_step_opens_with_its_deadline_measured_from_the_opening()
    {
        var step = Given.Reported(IncidentKind.AccountTakeover).State.Step("rotate-password")!;

        Assert.Equal(new StepState("rotate-password", StepStatus.Open, 1, Given.Start, Given.Start.AddMinutes(30)), step);
        Assert.False(step.IsOverdue(Given.Start.AddMinutes(29)));
        Assert.True(step.IsOverdue(Given.Start.AddMinutes(30)));
    }

    [Fact]
    public void A_reopened_step_starts_over_but_keeps_its_assignee()
    {
        var closed = Given.Reported(IncidentKind.Impersonation)
            .StepAssignedTo("report-to-officers", "staff-sato")
            .After(TimeSpan.FromHours(1))
            .Escalated("report-to-officers", 1)
            .Into(IncidentStatus.Closed);

        var step = closed.Reopened("report-to-officers").State.Step("report-to-officers")!;

        Assert.Equal((StepStatus.Open, 2, 0, 0), (step.Status, step.Generation, step.Escalations, step.EscalationLevel));
        Assert.Equal((null, null, null, null), (step.LastEscalatedAt, step.FinishedAt, step.FinishedBy, step.Note));
        Assert.Equal("staff-sato", step.Assignee);
    }

    [Fact]
    public void A_completed_step_keeps_who_finished_it_when_and_why()
    {
        var given = Given.Reported(IncidentKind.Backlash);

        var step = given.CompletedStep("fix-problem").State.Step("fix-problem")!;

        Assert.Equal((StepStatus.Completed, given.Now, Actors.DepartmentHead.Id, "対応済み"), (step.Status, step.FinishedAt, step.FinishedBy, step.Note));
        Assert.False(step.IsOverdue(given.Now.AddDays(2)));
    }

    [Fact]
    public void Facts_recorded_in_several_commands_accumulate()
    {
        var state = Given.Reported(IncidentKind.ErroneousPost)
            .ToldOfficers(Officer.DepartmentHead)
            .ToldOfficers(Officer.Ciso)
            .DeletedPosts("https://x.com/misato_town/status/1")
            .DeletedPosts("https://x.com/misato_town/status/2")
            .CheckedSpread(true, "https://x.com/a/status/1")
            .CheckedSpread(true, "https://x.com/b/status/2")
            .RequestedTakedown("https://x.com/a/status/1")
            .RequestedTakedown("https://x.com/b/status/2")
            .ContactedPolice("R8-1")
            .ContactedPolice("R8-2")
            .State;

        Assert.Equal([Officer.Ciso, Officer.DepartmentHead], state.ReportedTo.Order());
        Assert.Equal(2, state.DeletedPostUrls.Count);
        Assert.Equal(2, state.CopyUrls.Count);
        Assert.True(state.Spread);
        Assert.Equal(["https://x.com/a/status/1", "https://x.com/b/status/2"], state.Takedowns.Select(t => t.TargetUrl));
        Assert.Equal(["R8-1", "R8-2"], state.PoliceContacts.Select(p => p.CaseReference));
    }

    [Fact]
    public void The_latest_scan_and_platform_answer_are_kept()
    {
        var state = Given.Reported(IncidentKind.AccountTakeover).ScannedPc(ScanResult.Infected).ScannedPc(ScanResult.Clean).State;
        var answered = Given.Reported(IncidentKind.Impersonation).RequestedTakedown()
            .PlatformAnswered(TakedownOutcome.NeedsMoreInformation).PlatformAnswered(TakedownOutcome.Removed).State;

        Assert.Equal((Scenario.Device, ScanResult.Clean, Actors.SecurityManager.Id), (state.LastScan!.DeviceName, state.LastScan.Result, state.LastScan.ScannedBy));
        Assert.Equal(TakedownOutcome.Removed, answered.LastPlatformAnswer);
    }

    [Fact]
    public void A_revision_adds_its_writer_to_the_authors()
    {
        var statement = Given.Reported(IncidentKind.Backlash)
            .Drafted(StatementIds.First, StatementKind.Apology)
            .Revised(StatementIds.First, "改訂", Actors.DepartmentHead)
            .State.Statement(StatementIds.First)!;

        Assert.Equal([Actors.DepartmentHead.Id, Actors.Writer.Id], statement.Authors.Order());
        Assert.Equal((Actors.Writer.Id, "改訂"), (statement.DraftedBy, statement.Text));
    }
}
