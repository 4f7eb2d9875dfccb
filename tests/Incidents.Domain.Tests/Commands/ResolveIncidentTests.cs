using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Commands;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Tests.Scenarios;

namespace Incidents.Domain.Tests.Commands;

/// <summary>A missing or closed incident: see MissingIncidentTests and ClosedIncidentTests.</summary>
public sealed class ResolveIncidentTests
{
    [Theory]
    [InlineData(IncidentStatus.Reported)]
    [InlineData(IncidentStatus.Responding)]
    public void Resolving_records_the_summary(IncidentStatus status)
    {
        var given = Given.In(IncidentKind.Hoax, status);

        var events = given.Decide(new ResolveIncident("正しい情報が広まった"), Actors.DepartmentHead).ShouldAccept();

        Assert.Equal([new IncidentResolved(Given.IncidentId, "正しい情報が広まった", Actors.DepartmentHead.Id, given.Now)], events);
    }

    [Fact]
    public void Resolving_a_resolved_incident_changes_nothing()
    {
        var given = Given.In(IncidentKind.Hoax, IncidentStatus.Resolved);

        given.Decide(new ResolveIncident("重ねて"), Actors.DepartmentHead).ShouldChangeNothing();
    }

    [Fact]
    public void Resolving_leaves_open_steps_running()
    {
        var given = Given.Reported(IncidentKind.Hoax);

        var state = given.Resolved().State;

        Assert.Equal(IncidentStatus.Resolved, state.Status);
        Assert.Equal(given.Now, state.ResolvedAt);
        Assert.Equal(given.State.Steps.Where(s => s.IsOpen).Select(s => s.Key), state.Steps.Where(s => s.IsOpen).Select(s => s.Key));
    }

    [Fact]
    public void Resolving_with_a_password_in_the_summary_is_refused()
    {
        var given = Given.Reported(IncidentKind.AccountTakeover);

        given.Decide(new ResolveIncident("復旧済み。暗証番号は 0000"), Actors.DepartmentHead).ShouldRefuse(RefusalKind.Invalid, "secret-in-text");
    }
}
