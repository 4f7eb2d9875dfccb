using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Commands;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Tests.Scenarios;

namespace Incidents.Domain.Tests.Commands;

/// <summary>A missing or closed incident: see MissingIncidentTests and ClosedIncidentTests.</summary>
public sealed class RecordPlatformAnswerTests
{
    [Theory]
    [InlineData(IncidentStatus.Reported)]
    [InlineData(IncidentStatus.Responding)]
    [InlineData(IncidentStatus.Resolved)]
    public void Recording_the_answer_to_a_takedown_completes_the_wait(IncidentStatus status)
    {
        var given = Given.In(IncidentKind.Impersonation, status).RequestedTakedown();

        var events = given.Decide(new RecordPlatformAnswer(TakedownOutcome.Removed, "削除を確認"), Actors.Reporter).ShouldAccept();

        Assert.Equal(
            [
                new PlatformAnswerRecorded(Given.IncidentId, TakedownOutcome.Removed, "削除を確認", Actors.Reporter.Id, given.Now),
                new StepCompleted(Given.IncidentId, "await-platform-answer", 1, null, Actors.Reporter.Id, given.Now),
            ],
            events);
    }

    [Theory]
    [InlineData(IncidentStatus.Reported)]
    [InlineData(IncidentStatus.Responding)]
    [InlineData(IncidentStatus.Resolved)]
    public void Recording_an_answer_before_any_takedown_was_requested_is_refused(IncidentStatus status)
    {
        var given = Given.In(IncidentKind.Impersonation, status);

        given.Decide(new RecordPlatformAnswer(TakedownOutcome.Removed, null), Actors.Reporter)
            .ShouldRefuse(RefusalKind.StateConflict, "no-takedown-requested");
    }

    [Fact]
    public void Recording_the_same_answer_twice_changes_nothing()
    {
        var given = Given.Reported(IncidentKind.Impersonation).RequestedTakedown().PlatformAnswered(TakedownOutcome.Refused);

        given.Decide(new RecordPlatformAnswer(TakedownOutcome.Refused, null), Actors.Reporter).ShouldChangeNothing();
    }

    [Fact]
    public void Recording_a_different_answer_later_records_it_alone()
    {
        var given = Given.Reported(IncidentKind.Impersonation).RequestedTakedown().PlatformAnswered(TakedownOutcome.NeedsMoreInformation);

        var events = given.Decide(new RecordPlatformAnswer(TakedownOutcome.Removed, null), Actors.Reporter).ShouldAccept();

        Assert.Equal(TakedownOutcome.Removed, Assert.IsType<PlatformAnswerRecorded>(Assert.Single(events)).Outcome);
    }

    [Fact]
    public void Recording_an_answer_with_a_password_in_the_note_is_refused()
    {
        var given = Given.Reported(IncidentKind.Impersonation).RequestedTakedown();

        given.Decide(new RecordPlatformAnswer(TakedownOutcome.Removed, "ログイン passcode: 1234"), Actors.Reporter)
            .ShouldRefuse(RefusalKind.Invalid, "secret-in-text");
    }
}
