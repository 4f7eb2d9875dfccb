using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Incidents.State;
using Incidents.Domain.Tests.Scenarios;

namespace Incidents.Domain.Tests.State;

/// <summary>Every event the store can hold is folded by some scenario, so no decision reads a field that no Apply sets.</summary>
public sealed class EventFoldingTests
{
    private sealed record UnknownEvent(Guid IncidentId, string By, DateTimeOffset At) : IIncidentEvent;

    /// <summary>Histories that between them produce every kind of event, each folded as it is decided.</summary>
    private static IEnumerable<Scenario> Tour() =>
    [
        .. MergedPair(),
        Given.Reported(IncidentKind.Impersonation)
            .Acknowledged()
            .AssignedTo("head-tanaka")
            .StepAssignedTo("request-takedown", "staff-sato")
            .After(TimeSpan.FromHours(1))
            .Escalated("report-to-officers", 1)
            .Drafted(StatementIds.First, StatementKind.PressMaterial)
            .Revised(StatementIds.First, "報道資料（改訂）")
            .Into(IncidentStatus.Closed)
            .Reopened("request-takedown"),
        Given.Reported(IncidentKind.AccountTakeover)
            .ScannedPc(ScanResult.Infected)
            .ContactedPolice()
            .Into(IncidentStatus.Closed),
        Given.Reported(IncidentKind.ErroneousPost)
            .CheckedSpread(true, "https://x.com/someone/status/11")
            .Into(IncidentStatus.Closed),
    ];

    /// <summary>A survivor linked to the genuine account, reported twice, that absorbed a duplicate; and the duplicate.</summary>
    private static IEnumerable<Scenario> MergedPair()
    {
        var (survivor, duplicate) = Given.Reported(IncidentKind.Impersonation)
            .LinkedTo(Given.OfficialAccount)
            .ReportedAgain(Actors.Writer)
            .Merge(DuplicateScenarios.Duplicate().ReportedAgain(Actors.PublishingOfficer));
        return [survivor, duplicate];
    }

    [Fact]
    public void Every_event_type_in_the_catalogue_is_folded_by_the_scenarios()
    {
        var folded = Tour().SelectMany(s => s.History).Select(e => e.GetType()).ToHashSet();

        Assert.Equal(IncidentEventTypes.ByWireName.Values.OrderBy(t => t.Name), folded.OrderBy(t => t.Name));
    }

    [Fact]
    public void Every_event_type_in_the_domain_has_a_wire_name()
    {
        var eventTypes = typeof(IIncidentEvent).Assembly.GetTypes()
            .Where(t => typeof(IIncidentEvent).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false });

        Assert.Equal(eventTypes.OrderBy(t => t.Name), IncidentEventTypes.ByWireName.Values.OrderBy(t => t.Name));
        Assert.Equal(IncidentEventTypes.ByWireName.Count, IncidentEventTypes.ByWireName.Values.Distinct().Count());
    }

    [Fact]
    public void Folding_a_history_from_the_start_reproduces_the_state_built_step_by_step()
    {
        foreach (var scenario in Tour())
        {
            var refolded = IncidentState.Fold(scenario.History);

            Assert.Equal(scenario.State.Status, refolded.Status);
            Assert.Equal(scenario.State.Steps, refolded.Steps);
            Assert.Equal(scenario.State.Statements.Select(s => (s.Id, s.Revision, s.Status)), refolded.Statements.Select(s => (s.Id, s.Revision, s.Status)));
            Assert.Equal(scenario.State.ReportedTo, refolded.ReportedTo);
            Assert.Equal(scenario.State.GenuineAccount, refolded.GenuineAccount);
            Assert.Equal(scenario.State.AdditionalReports, refolded.AdditionalReports);
            Assert.Equal(scenario.State.MergedIncidents, refolded.MergedIncidents);
            Assert.Equal(scenario.State.MergedInto, refolded.MergedInto);
        }
    }

    [Fact]
    public void Applying_an_event_the_state_does_not_know_throws()
    {
        var state = Given.Reported(IncidentKind.Hoax).State;

        var error = Assert.Throws<InvalidOperationException>(() => state.Apply(new UnknownEvent(Given.IncidentId, "someone", Given.Start)));

        Assert.Contains(nameof(UnknownEvent), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Applying_a_step_event_for_a_step_that_never_opened_throws()
    {
        var state = Given.Reported(IncidentKind.Hoax).State;

        Assert.Throws<InvalidOperationException>(() =>
            state.Apply(new StepCompleted(Given.IncidentId, "await-platform-answer", 1, null, "staff-sato", Given.Start)));
    }

    [Fact]
    public void Applying_a_statement_event_for_a_statement_never_drafted_throws()
    {
        var state = Given.Reported(IncidentKind.Hoax).State;

        Assert.Throws<InvalidOperationException>(() =>
            state.Apply(new StatementApproved(Given.IncidentId, StatementIds.Unknown, 1, "officer-takahashi", Given.Start)));
    }
}
