using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Commands;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Tests.Scenarios;

namespace Incidents.Domain.Tests.Commands;

/// <summary>A missing or closed incident: see MissingIncidentTests and ClosedIncidentTests.</summary>
public sealed class RecordPoliceContactTests
{
    [Theory]
    [InlineData(IncidentStatus.Reported)]
    [InlineData(IncidentStatus.Responding)]
    [InlineData(IncidentStatus.Resolved)]
    public void Recording_a_police_contact_completes_the_contact_police_step(IncidentStatus status)
    {
        var given = Given.In(IncidentKind.AccountTakeover, status);

        var events = given.Decide(new RecordPoliceContact(Scenario.PoliceStation, "R8-0401", "生活安全課"), Actors.Reporter).ShouldAccept();

        Assert.Equal(
            [
                new PoliceContacted(Given.IncidentId, Scenario.PoliceStation, "R8-0401", "生活安全課", Actors.Reporter.Id, given.Now),
                new StepCompleted(Given.IncidentId, "contact-police", 1, null, Actors.Reporter.Id, given.Now),
            ],
            events);
    }

    [Fact]
    public void Recording_the_same_station_and_case_twice_changes_nothing()
    {
        var given = Given.Reported(IncidentKind.AccountTakeover).ContactedPolice("R8-0401");

        given.Decide(new RecordPoliceContact(Scenario.PoliceStation, "R8-0401", null), Actors.Reporter).ShouldChangeNothing();
    }

    [Fact]
    public void Recording_a_new_case_at_the_same_station_records_it_alone()
    {
        var given = Given.Reported(IncidentKind.AccountTakeover).ContactedPolice("R8-0401");

        var events = given.Decide(new RecordPoliceContact(Scenario.PoliceStation, "R8-0415", null), Actors.Reporter).ShouldAccept();

        Assert.Equal("R8-0415", Assert.IsType<PoliceContacted>(Assert.Single(events)).CaseReference);
    }

    [Fact]
    public void Recording_a_police_contact_on_a_kind_without_that_step_is_recorded_alone()
    {
        var given = Given.Reported(IncidentKind.Backlash);

        var events = given.Decide(new RecordPoliceContact(Scenario.PoliceStation, null, "脅迫の書き込み"), Actors.Reporter).ShouldAccept();

        Assert.IsType<PoliceContacted>(Assert.Single(events));
    }

    [Fact]
    public void Recording_a_police_contact_with_a_password_in_the_note_is_refused()
    {
        var given = Given.Reported(IncidentKind.AccountTakeover);

        given.Decide(new RecordPoliceContact(Scenario.PoliceStation, null, "pwd: abc"), Actors.Reporter)
            .ShouldRefuse(RefusalKind.Invalid, "secret-in-text");
    }
}
