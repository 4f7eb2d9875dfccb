using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Commands;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Tests.Scenarios;

namespace Incidents.Domain.Tests.Commands;

/// <summary>Finishing reopened steps again: ReopeningTests.</summary>
public sealed class ReopenIncidentTests
{
    [Fact]
    public void Reopening_an_unknown_incident_is_refused_as_not_found()
    {
        Given.NoIncident.Decide(new ReopenIncident("再発", []), Actors.Ciso).ShouldRefuse(RefusalKind.NotFound, "incident-not-found");
    }

    [Theory]
    [InlineData(IncidentStatus.Reported)]
    [InlineData(IncidentStatus.Responding)]
    public void Reopening_an_incident_still_in_response_changes_nothing(IncidentStatus status)
    {
        var given = Given.In(IncidentKind.Impersonation, status);

        given.Decide(new ReopenIncident("再発", ["request-takedown"]), Actors.Ciso).ShouldChangeNothing();
    }

    [Fact]
    public void Reopening_a_resolved_incident_takes_it_back_into_response()
    {
        var given = Given.In(IncidentKind.Impersonation, IncidentStatus.Resolved);

        var events = given.Decide(new ReopenIncident("別の偽アカウント", []), Actors.Ciso).ShouldAccept();

        Assert.Equal([new IncidentReopened(Given.IncidentId, "別の偽アカウント", Actors.Ciso.Id, given.Now)], events);
        var state = given.Do(new ReopenIncident("別の偽アカウント", []), Actors.Ciso).State;
        Assert.Equal(IncidentStatus.Responding, state.Status);
        Assert.Null(state.ResolvedAt);
    }

    [Fact]
    public void Reopening_a_closed_incident_with_step_keys_opens_a_new_generation_of_those_steps()
    {
        var given = Given.In(IncidentKind.Impersonation, IncidentStatus.Closed);

        var events = given.Decide(new ReopenIncident("別の偽アカウント", ["request-takedown", "publish-warning"]), Actors.Ciso).ShouldAccept();

        Assert.Equal(
            [
                new IncidentReopened(Given.IncidentId, "別の偽アカウント", Actors.Ciso.Id, given.Now),
                new StepOpened(Given.IncidentId, "request-takedown", 2, given.Now + TimeSpan.FromHours(4), Actors.Ciso.Id, given.Now),
                new StepOpened(Given.IncidentId, "publish-warning", 2, given.Now + TimeSpan.FromHours(8), Actors.Ciso.Id, given.Now),
            ],
            events);
    }

    [Fact]
    public void Reopening_a_closed_incident_clears_its_closing()
    {
        var state = Given.In(IncidentKind.Impersonation, IncidentStatus.Closed).Reopened().State;

        Assert.Equal(IncidentStatus.Responding, state.Status);
        Assert.Null(state.ClosedAt);
    }

    [Fact]
    public void Reopening_a_step_that_never_opened_opens_its_first_generation()
    {
        var given = Given.In(IncidentKind.AccountTakeover, IncidentStatus.Closed);

        var opened = given.Decide(new ReopenIncident("感染の疑い", ["remove-malware"]), Actors.Ciso).ShouldAccept().Single<StepOpened>();

        Assert.Equal(("remove-malware", 1), (opened.StepKey, opened.Generation));
    }

    [Fact]
    public void Reopening_names_each_step_once_even_if_asked_twice()
    {
        var given = Given.In(IncidentKind.Impersonation, IncidentStatus.Closed);

        var events = given.Decide(new ReopenIncident("再発", ["request-takedown", "request-takedown"]), Actors.Ciso).ShouldAccept();

        Assert.Single(events.OfType<StepOpened>());
    }

    [Fact]
    public void Reopening_a_step_the_runbook_does_not_have_is_refused()
    {
        var given = Given.In(IncidentKind.Impersonation, IncidentStatus.Closed);

        given.Decide(new ReopenIncident("再発", ["rotate-password"]), Actors.Ciso).ShouldRefuse(RefusalKind.Invalid, "unknown-step");
    }

    [Fact]
    public void Reopening_with_a_password_in_the_reason_is_refused()
    {
        var given = Given.In(IncidentKind.AccountTakeover, IncidentStatus.Closed);

        given.Decide(new ReopenIncident("再侵入。password: hunter2", []), Actors.Ciso).ShouldRefuse(RefusalKind.Invalid, "secret-in-text");
    }
}
