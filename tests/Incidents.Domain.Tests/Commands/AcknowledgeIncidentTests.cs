using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Commands;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Tests.Scenarios;

namespace Incidents.Domain.Tests.Commands;

/// <summary>A missing or closed incident: see MissingIncidentTests and ClosedIncidentTests.</summary>
public sealed class AcknowledgeIncidentTests
{
    [Fact]
    public void Acknowledging_a_reported_incident_records_who_and_when()
    {
        var given = Given.Reported(IncidentKind.Impersonation);

        var events = given.Decide(new AcknowledgeIncident(), Actors.DepartmentHead).ShouldAccept();

        Assert.Equal([new IncidentAcknowledged(Given.IncidentId, Actors.DepartmentHead.Id, given.Now)], events);
    }

    [Fact]
    public void Acknowledging_puts_the_incident_into_response()
    {
        var state = Given.Reported(IncidentKind.Impersonation).Acknowledged().State;

        Assert.Equal(IncidentStatus.Responding, state.Status);
        Assert.Equal(Actors.DepartmentHead.Id, state.AcknowledgedBy);
    }

    [Theory]
    [InlineData(IncidentStatus.Responding)]
    [InlineData(IncidentStatus.Resolved)]
    public void Acknowledging_an_incident_already_in_response_or_resolved_changes_nothing(IncidentStatus status)
    {
        var given = Given.In(IncidentKind.Impersonation, status);

        given.Decide(new AcknowledgeIncident(), Actors.Ciso).ShouldChangeNothing();
    }
}
