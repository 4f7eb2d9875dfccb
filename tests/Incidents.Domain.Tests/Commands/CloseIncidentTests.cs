using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Commands;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Tests.Scenarios;

namespace Incidents.Domain.Tests.Commands;

/// <summary>Open steps at closing: ClosingTests.</summary>
public sealed class CloseIncidentTests
{
    [Fact]
    public void Closing_an_unknown_incident_is_refused_as_not_found()
    {
        Given.NoIncident.Decide(new CloseIncident(), Actors.Ciso).ShouldRefuse(RefusalKind.NotFound, "incident-not-found");
    }

    [Theory]
    [InlineData(IncidentStatus.Reported)]
    [InlineData(IncidentStatus.Responding)]
    [InlineData(IncidentStatus.Resolved)]
    public void Closing_once_the_mandatory_steps_are_done_waives_the_rest_and_closes(IncidentStatus status)
    {
        var given = Given.Reported(IncidentKind.Impersonation).MandatoryStepsDone().Into(status);

        var events = given.Decide(new CloseIncident(), Actors.Ciso).ShouldAccept();

        Assert.Equal(
            [
                new StepWaived(Given.IncidentId, "press-release", 1, CloseIncident.ClosingReason.Ja, Actors.Ciso.Id, given.Now),
                new IncidentClosed(Given.IncidentId, Actors.Ciso.Id, given.Now),
            ],
            events);
    }

    [Fact]
    public void Closing_records_when_it_closed()
    {
        var given = Given.Reported(IncidentKind.Impersonation).MandatoryStepsDone();

        var state = given.Do(new CloseIncident(), Actors.SecurityManager).State;

        Assert.Equal((IncidentStatus.Closed, given.Now), (state.Status, state.ClosedAt));
    }

    [Fact]
    public void Closing_a_closed_incident_changes_nothing()
    {
        var given = Given.In(IncidentKind.Impersonation, IncidentStatus.Closed);

        given.Decide(new CloseIncident(), Actors.Ciso).ShouldChangeNothing();
    }
}
