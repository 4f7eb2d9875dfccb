using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Commands;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Tests.Scenarios;

namespace Incidents.Domain.Tests.Commands;

/// <summary>A missing or closed incident: see MissingIncidentTests and ClosedIncidentTests. Copies found: StepTriggerTests.</summary>
public sealed class RecordSpreadCheckTests
{
    private const string Copy1 = "https://x.com/someone/status/11";
    private const string Copy2 = "https://x.com/other/status/12";

    [Theory]
    [InlineData(IncidentStatus.Reported)]
    [InlineData(IncidentStatus.Responding)]
    [InlineData(IncidentStatus.Resolved)]
    public void Recording_that_the_post_did_not_spread_completes_the_check(IncidentStatus status)
    {
        var given = Given.In(IncidentKind.ErroneousPost, status);

        var events = given.Decide(new RecordSpreadCheck(false, []), Actors.Reporter).ShouldAccept();

        Assert.Collection(
            events,
            e =>
            {
                var checkedSpread = Assert.IsType<SpreadChecked>(e);
                Assert.False(checkedSpread.Spread);
                Assert.Empty(checkedSpread.CopyUrls);
                Assert.Equal((Actors.Reporter.Id, given.Now), (checkedSpread.By, checkedSpread.At));
            },
            e => Assert.Equal(new StepCompleted(Given.IncidentId, "check-spread", 1, null, Actors.Reporter.Id, given.Now), e));
    }

    [Fact]
    public void Recording_copies_without_saying_it_spread_is_refused()
    {
        var given = Given.Reported(IncidentKind.ErroneousPost);

        given.Decide(new RecordSpreadCheck(false, [Copy1]), Actors.Reporter).ShouldRefuse(RefusalKind.Invalid, "copies-without-spread");
    }

    [Fact]
    public void Recording_the_same_check_twice_changes_nothing()
    {
        var given = Given.Reported(IncidentKind.ErroneousPost).CheckedSpread(true, Copy1);

        given.Decide(new RecordSpreadCheck(true, [Copy1]), Actors.Reporter).ShouldChangeNothing();
    }

    [Fact]
    public void Recording_new_copies_later_records_only_the_new_ones_and_keeps_the_open_request()
    {
        var given = Given.Reported(IncidentKind.ErroneousPost).CheckedSpread(true, Copy1);

        var events = given.Decide(new RecordSpreadCheck(true, [Copy1, Copy2, Copy2]), Actors.Reporter).ShouldAccept();

        Assert.Equal([Copy2], Assert.IsType<SpreadChecked>(Assert.Single(events)).CopyUrls);
    }

    [Fact]
    public void Recording_that_it_spread_after_all_is_accepted()
    {
        var given = Given.Reported(IncidentKind.ErroneousPost).CheckedSpread(false);

        var events = given.Decide(new RecordSpreadCheck(true, [Copy1]), Actors.Reporter).ShouldAccept();

        Assert.True(events.Single<SpreadChecked>().Spread);
        Assert.Equal("request-copies-deletion", events.Single<StepOpened>().StepKey);
    }

    [Theory]
    [InlineData(IncidentKind.Impersonation)]
    [InlineData(IncidentKind.AccountTakeover)]
    [InlineData(IncidentKind.Backlash)]
    [InlineData(IncidentKind.Hoax)]
    public void Recording_a_spread_check_for_a_kind_without_that_step_is_refused(IncidentKind kind)
    {
        var given = Given.Reported(kind);

        given.Decide(new RecordSpreadCheck(false, []), Actors.Reporter).ShouldRefuse(RefusalKind.StateConflict, "not-in-runbook");
    }


    [Fact]
    public void Checking_again_for_a_reopened_check_completes_its_new_generation()
    {
        var given = Given.In(IncidentKind.ErroneousPost, IncidentStatus.Closed).Reopened("check-spread");

        var events = given.Decide(new RecordSpreadCheck(false, []), Actors.Reporter).ShouldAccept();

        Assert.Equal(("check-spread", 2), (events.Single<StepCompleted>().StepKey, events.Single<StepCompleted>().Generation));
    }

    [Fact]
    public void Confirming_a_known_spread_for_a_reopened_check_does_not_ask_again_for_the_known_copies()
    {
        var given = Given.Reported(IncidentKind.ErroneousPost)
            .CheckedSpread(true, Copy1)
            .RequestedTakedown(Copy1)
            .PlatformAnswered()
            .Into(IncidentStatus.Closed)
            .Reopened("check-spread");

        var events = given.Decide(new RecordSpreadCheck(true, [Copy1]), Actors.Reporter).ShouldAccept();

        Assert.Equal([typeof(SpreadChecked), typeof(StepCompleted)], events.Select(e => e.GetType()));
    }
}
