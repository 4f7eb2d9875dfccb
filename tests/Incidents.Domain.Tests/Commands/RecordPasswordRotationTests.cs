using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Commands;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Tests.Scenarios;

namespace Incidents.Domain.Tests.Commands;

/// <summary>A missing or closed incident: see MissingIncidentTests and ClosedIncidentTests. Secrets: SecretTextTests.</summary>
public sealed class RecordPasswordRotationTests
{
    [Theory]
    [InlineData(IncidentStatus.Reported)]
    [InlineData(IncidentStatus.Responding)]
    [InlineData(IncidentStatus.Resolved)]
    public void Recording_the_rotation_completes_the_rotate_password_step(IncidentStatus status)
    {
        var given = Given.In(IncidentKind.AccountTakeover, status);

        var events = given.Decide(new RecordPasswordRotation("二段階認証も有効化"), Actors.Reporter).ShouldAccept();

        Assert.Equal(
            [
                new PasswordRotated(Given.IncidentId, "二段階認証も有効化", Actors.Reporter.Id, given.Now),
                new StepCompleted(Given.IncidentId, "rotate-password", 1, null, Actors.Reporter.Id, given.Now),
            ],
            events);
    }

    [Fact]
    public void Recording_the_rotation_twice_changes_nothing()
    {
        var given = Given.Reported(IncidentKind.AccountTakeover).RotatedPassword();

        given.Decide(new RecordPasswordRotation(null), Actors.Reporter).ShouldChangeNothing();
    }

    [Fact]
    public void Recording_the_rotation_keeps_only_the_time_it_happened()
    {
        var given = Given.Reported(IncidentKind.AccountTakeover);

        Assert.Equal(given.Now, given.RotatedPassword().State.PasswordRotatedAt);
    }

    [Theory]
    [InlineData(IncidentKind.Impersonation)]
    [InlineData(IncidentKind.Backlash)]
    [InlineData(IncidentKind.Hoax)]
    [InlineData(IncidentKind.ErroneousPost)]
    public void Recording_a_rotation_for_a_kind_without_that_step_is_refused(IncidentKind kind)
    {
        var given = Given.Reported(kind);

        given.Decide(new RecordPasswordRotation(null), Actors.Reporter).ShouldRefuse(RefusalKind.StateConflict, "not-in-runbook");
    }
}
