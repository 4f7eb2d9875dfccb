using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Commands;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Tests.Scenarios;

namespace Incidents.Domain.Tests.Commands;

/// <summary>A missing or closed incident: see MissingIncidentTests and ClosedIncidentTests.</summary>
public sealed class RequestTakedownTests
{
    [Theory]
    [InlineData(IncidentStatus.Reported)]
    [InlineData(IncidentStatus.Responding)]
    [InlineData(IncidentStatus.Resolved)]
    public void Requesting_a_takedown_completes_the_request_step_and_starts_waiting_for_the_answer(IncidentStatus status)
    {
        var given = Given.In(IncidentKind.Impersonation, status);

        var events = given.Decide(new RequestTakedown(null, "X-REQ-1"), Actors.Reporter).ShouldAccept();

        Assert.Equal(
            [
                new TakedownRequested(Given.IncidentId, Platform.X, Given.AccountUrl, "X-REQ-1", Actors.Reporter.Id, given.Now),
                new StepCompleted(Given.IncidentId, "request-takedown", 1, null, Actors.Reporter.Id, given.Now),
                new StepOpened(Given.IncidentId, "await-platform-answer", 1, given.Now + TimeSpan.FromDays(7), Actors.Reporter.Id, given.Now),
            ],
            events);
    }

    [Fact]
    public void Requesting_a_takedown_of_a_named_page_targets_that_page()
    {
        var given = Given.Reported(IncidentKind.Impersonation);

        var requested = given.Decide(new RequestTakedown("https://x.com/fake2", null), Actors.Reporter).ShouldAccept().Single<TakedownRequested>();

        Assert.Equal("https://x.com/fake2", requested.TargetUrl);
    }

    [Fact]
    public void Requesting_the_same_takedown_target_twice_changes_nothing()
    {
        var given = Given.Reported(IncidentKind.Impersonation).RequestedTakedown();

        given.Decide(new RequestTakedown(Given.AccountUrl, "X-REQ-2"), Actors.Reporter).ShouldChangeNothing();
    }

    [Fact]
    public void Requesting_a_second_target_records_it_without_touching_the_steps_again()
    {
        var given = Given.Reported(IncidentKind.Impersonation).RequestedTakedown();

        var events = given.Decide(new RequestTakedown("https://x.com/fake2", null), Actors.Reporter).ShouldAccept();

        Assert.IsType<TakedownRequested>(Assert.Single(events));
    }

    [Fact]
    public void Requesting_a_takedown_without_any_target_is_refused()
    {
        var given = Given.Reported(IncidentKind.Impersonation, accountUrl: null);

        given.Decide(new RequestTakedown(null, null), Actors.Reporter).ShouldRefuse(RefusalKind.Invalid, "target-required");
    }

    [Theory]
    [InlineData(IncidentKind.AccountTakeover)]
    [InlineData(IncidentKind.Backlash)]
    public void Requesting_a_takedown_for_a_kind_whose_runbook_has_no_takedown_is_refused(IncidentKind kind)
    {
        var given = Given.Reported(kind);

        given.Decide(new RequestTakedown(null, null), Actors.Reporter).ShouldRefuse(RefusalKind.StateConflict, "not-in-runbook");
    }

    [Fact]
    public void Requesting_removal_of_a_hoax_completes_the_optional_request_and_starts_waiting()
    {
        var given = Given.Reported(IncidentKind.Hoax);

        var events = given.Decide(new RequestTakedown("https://x.com/hoax/status/5", null), Actors.Reporter).ShouldAccept();

        Assert.Equal("request-removal", events.Single<StepCompleted>().StepKey);
        Assert.Equal("await-platform-answer", events.Single<StepOpened>().StepKey);
    }

    [Fact]
    public void Requesting_deletion_of_a_copy_before_any_spread_was_found_is_recorded_alone()
    {
        var given = Given.Reported(IncidentKind.ErroneousPost);

        var events = given.Decide(new RequestTakedown("https://x.com/someone/status/7", null), Actors.Reporter).ShouldAccept();

        Assert.IsType<TakedownRequested>(Assert.Single(events));
    }


    [Fact]
    public void Requesting_the_same_target_again_for_a_reopened_request_step_completes_its_new_generation()
    {
        var given = Given.In(IncidentKind.Impersonation, IncidentStatus.Closed).Reopened("request-takedown");

        var events = given.Decide(new RequestTakedown(null, "X-REQ-2"), Actors.Reporter).ShouldAccept();

        Assert.Equal(Given.AccountUrl, events.Single<TakedownRequested>().TargetUrl);
        Assert.Equal(("request-takedown", 2), (events.Single<StepCompleted>().StepKey, events.Single<StepCompleted>().Generation));
        Assert.Equal(("await-platform-answer", 2), (events.Single<StepOpened>().StepKey, events.Single<StepOpened>().Generation));
    }
}
