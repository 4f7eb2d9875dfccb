using Incidents.Domain.Deadlines;
using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Commands;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Runbooks;
using Incidents.Domain.Tests.Scenarios;

namespace Incidents.Domain.Tests.Commands;

public sealed class MergeIncidentsTests
{
    [Fact]
    public void The_survivor_takes_every_report_of_the_duplicate_and_answers_for_its_account()
    {
        var duplicate = DuplicateScenarios.Duplicate().ReportedAgain(Actors.PublishingOfficer);

        var (survivor, _) = Given.Reported(IncidentKind.Impersonation).Merge(duplicate);

        var merged = Assert.IsType<IncidentMerged>(survivor.History[^1]);
        Assert.Equal(DuplicateScenarios.DuplicateId, merged.DuplicateId);
        Assert.Equal([Actors.Writer.Id, Actors.PublishingOfficer.Id], merged.Reports.Select(r => r.By));
        Assert.All(merged.Reports, r => Assert.Equal(DuplicateScenarios.DuplicateId, r.MergedFrom));
        Assert.Equal(3, survivor.State.ReportCount);
        Assert.Equal(
            [IncidentAccountKey.Of(IncidentKind.Impersonation, Platform.X, "@misato_town_fake"), IncidentAccountKey.Of(IncidentKind.Impersonation, Platform.X, "misato_town_fake2")],
            IncidentAccountKey.AllOf(survivor.State));
    }

    [Fact]
    public void The_duplicate_waives_its_open_steps_records_the_merge_and_closes_with_no_timers_left()
    {
        var duplicate = DuplicateScenarios.Duplicate();
        var open = duplicate.State.Steps.Where(s => s.IsOpen).Select(s => s.Key).ToList();

        var decision = Given.Reported(IncidentKind.Impersonation).DecideMerge(duplicate);

        var events = decision.DuplicateEvents;
        Assert.Equal(open, events.OfType<StepWaived>().Select(w => w.StepKey));
        Assert.Equal(Given.IncidentId, events.Single<IncidentMergedInto>().SurvivorId);
        Assert.IsType<IncidentClosed>(events[^1]);
        var plan = DeadlinePlanner.Plan(RunbookCatalog.Default.For(IncidentKind.Impersonation), events);
        Assert.Empty(plan.Schedule);
        Assert.Contains(new TimerCancellation(DuplicateScenarios.DuplicateId, null), plan.Cancellations);
    }

    [Fact]
    public void A_merged_duplicate_takes_no_more_commands_and_cannot_be_reopened()
    {
        var (_, duplicate) = Given.Reported(IncidentKind.Impersonation).Merge(DuplicateScenarios.Duplicate());

        Assert.Equal(IncidentStatus.Closed, duplicate.State.Status);
        Assert.Equal(Given.IncidentId, duplicate.State.MergedInto);
        duplicate.Decide(new AcknowledgeIncident(), Actors.DepartmentHead).ShouldRefuse(RefusalKind.StateConflict, "incident-merged");
        duplicate.Decide(DuplicateScenarios.AnotherReport(), Actors.Reporter).ShouldRefuse(RefusalKind.StateConflict, "incident-merged");
        duplicate.Decide(new ReopenIncident("やはり別件", []), Actors.Ciso).ShouldRefuse(RefusalKind.StateConflict, "incident-merged");
    }

    [Fact]
    public void Merging_again_changes_nothing()
    {
        var (survivor, duplicate) = Given.Reported(IncidentKind.Impersonation).Merge(DuplicateScenarios.Duplicate());

        var again = survivor.DecideMerge(duplicate);

        Assert.Null(again.Refusal);
        Assert.Empty(again.SurvivorEvents);
        Assert.Empty(again.DuplicateEvents);
    }

    [Fact]
    public void Merging_an_incident_into_itself_is_refused()
    {
        var survivor = Given.Reported(IncidentKind.Impersonation);

        Assert.Equal("merge-into-itself", survivor.DecideMerge(survivor).Refusal?.Code);
    }

    [Fact]
    public void Merging_into_a_closed_incident_or_merging_a_closed_duplicate_is_refused()
    {
        var closed = Given.In(IncidentKind.Impersonation, IncidentStatus.Closed);
        var open = DuplicateScenarios.Duplicate();

        Assert.Equal("incident-closed", closed.DecideMerge(open).Refusal?.Code);
        Assert.Equal("duplicate-closed", open.DecideMerge(closed).Refusal?.Code);
    }

    [Fact]
    public void Merging_a_duplicate_that_does_not_exist_is_refused_as_missing()
    {
        var refusal = Given.Reported(IncidentKind.Impersonation).DecideMerge(Given.NoIncident with { }).Refusal;

        Assert.Equal((RefusalKind.NotFound, "duplicate-not-found"), (refusal?.Kind, refusal?.Code));
    }

    [Fact]
    public void A_chain_of_merges_keeps_every_account_and_report()
    {
        var third = Given.NoIncident.Do(
            Given.Report(IncidentKind.Impersonation) with { IncidentId = Guid.Parse("01960000-0000-7000-8000-00000000a003"), AccountHandle = "@fake3" },
            Actors.PublishingOfficer);
        var (middle, _) = DuplicateScenarios.Duplicate().Merge(third);

        var (survivor, _) = Given.Reported(IncidentKind.Impersonation).Merge(middle);

        Assert.Equal(3, survivor.State.ReportCount);
        Assert.Equal(["misato_town_fake", "misato_town_fake2", "fake3"], IncidentAccountKey.AllOf(survivor.State).Select(k => k.Account.Handle));
    }
}
