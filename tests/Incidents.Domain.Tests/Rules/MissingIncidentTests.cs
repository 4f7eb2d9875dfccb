using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents.Commands;
using Incidents.Domain.Tests.Scenarios;

namespace Incidents.Domain.Tests.Rules;

public sealed class MissingIncidentTests
{
    public static TheoryData<string> CommandsThatNeedAnIncident() =>
        CommandSamples.NamesExcept(nameof(ReportIncident), nameof(EscalateOverdueStep));

    [Theory]
    [MemberData(nameof(CommandsThatNeedAnIncident))]
    public void A_command_on_an_incident_that_does_not_exist_is_refused_as_not_found(string command)
    {
        Given.NoIncident.Decide(CommandSamples.ByName[command], Actors.Ciso).ShouldRefuse(RefusalKind.NotFound, "incident-not-found");
    }

    [Fact]
    public void Reporting_is_the_one_command_that_creates_an_incident()
    {
        Given.NoIncident.Decide(CommandSamples.ByName[nameof(ReportIncident)], Actors.Reporter).ShouldAccept();
    }

    [Fact]
    public void An_escalation_timer_for_an_incident_that_does_not_exist_changes_nothing()
    {
        Given.NoIncident.Decide(CommandSamples.ByName[nameof(EscalateOverdueStep)], Actors.Automation).ShouldChangeNothing();
    }
}
