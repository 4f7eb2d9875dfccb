using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Commands;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Tests.Scenarios;

namespace Incidents.Domain.Tests.Commands;

/// <summary>A missing or closed incident: see MissingIncidentTests and ClosedIncidentTests.</summary>
public sealed class AssignIncidentTests
{
    [Theory]
    [InlineData(IncidentStatus.Reported)]
    [InlineData(IncidentStatus.Responding)]
    [InlineData(IncidentStatus.Resolved)]
    public void Assigning_records_the_assignee(IncidentStatus status)
    {
        var given = Given.In(IncidentKind.Backlash, status);

        var events = given.Decide(new AssignIncident("staff-sato"), Actors.DepartmentHead).ShouldAccept();

        Assert.Equal([new IncidentAssigned(Given.IncidentId, "staff-sato", Actors.DepartmentHead.Id, given.Now)], events);
    }

    [Fact]
    public void Assigning_the_same_person_again_changes_nothing()
    {
        var given = Given.Reported(IncidentKind.Backlash).AssignedTo("staff-sato");

        given.Decide(new AssignIncident("staff-sato"), Actors.Ciso).ShouldChangeNothing();
    }

    [Fact]
    public void Assigning_someone_else_reassigns_the_incident()
    {
        var given = Given.Reported(IncidentKind.Backlash).AssignedTo("staff-sato");

        var events = given.Decide(new AssignIncident("staff-suzuki"), Actors.Ciso).ShouldAccept();

        Assert.Equal("staff-suzuki", events.Single<IncidentAssigned>().Assignee);
        Assert.Equal("staff-suzuki", given.AssignedTo("staff-suzuki").State.Assignee);
    }
}
