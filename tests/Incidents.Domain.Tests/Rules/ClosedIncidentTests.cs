using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Commands;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Tests.Scenarios;

namespace Incidents.Domain.Tests.Rules;

public sealed class ClosedIncidentTests
{
    public static TheoryData<string> CommandsRefusedWhenClosed() => CommandSamples.NamesExcept(
        nameof(ReportIncident), nameof(CloseIncident), nameof(ReopenIncident), nameof(EscalateOverdueStep));

    /// <summary>A closed impersonation that still holds an unpublished draft, so statement commands have something to act on.</summary>
    private static Scenario ClosedWithDraft() =>
        Given.Reported(IncidentKind.Impersonation).Drafted(StatementIds.First, StatementKind.Warning).Into(IncidentStatus.Closed);

    [Theory]
    [MemberData(nameof(CommandsRefusedWhenClosed))]
    public void A_command_on_a_closed_incident_is_refused_until_it_is_reopened(string command)
    {
        ClosedWithDraft().Decide(CommandSamples.ByName[command], Actors.Ciso).ShouldRefuse(RefusalKind.StateConflict, "incident-closed");
    }

    [Fact]
    public void Reopening_a_closed_incident_is_accepted()
    {
        var events = ClosedWithDraft().Decide(CommandSamples.ByName[nameof(ReopenIncident)], Actors.Ciso).ShouldAccept();

        Assert.IsType<IncidentReopened>(Assert.Single(events));
    }

    [Fact]
    public void Closing_a_closed_incident_changes_nothing()
    {
        ClosedWithDraft().Decide(CommandSamples.ByName[nameof(CloseIncident)], Actors.Ciso).ShouldChangeNothing();
    }

    [Fact]
    public void Reporting_a_closed_incident_again_is_refused_because_it_exists()
    {
        ClosedWithDraft().Decide(CommandSamples.ByName[nameof(ReportIncident)], Actors.Reporter)
            .ShouldRefuse(RefusalKind.StateConflict, "incident-exists");
    }

    [Fact]
    public void An_escalation_timer_on_a_closed_incident_changes_nothing()
    {
        ClosedWithDraft().Decide(CommandSamples.ByName[nameof(EscalateOverdueStep)], Actors.Automation).ShouldChangeNothing();
    }

    [Fact]
    public void After_reopening_the_same_commands_are_decided_again()
    {
        var reopened = ClosedWithDraft().Reopened();

        reopened.Decide(new ApproveStatement(StatementIds.First), Actors.PublishingOfficer).ShouldAccept();
    }
}
