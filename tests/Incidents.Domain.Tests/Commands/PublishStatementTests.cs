using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Commands;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Incidents.State;
using Incidents.Domain.Tests.Scenarios;

namespace Incidents.Domain.Tests.Commands;

/// <summary>A missing or closed incident: see MissingIncidentTests and ClosedIncidentTests. Edits and approval: StatementEditingTests.</summary>
public sealed class PublishStatementTests
{
    private const string PublishedUrl = "https://x.com/misato_town/status/500";

    [Theory]
    [InlineData(IncidentStatus.Reported)]
    [InlineData(IncidentStatus.Responding)]
    [InlineData(IncidentStatus.Resolved)]
    public void Publishing_an_approved_warning_completes_the_warning_step(IncidentStatus status)
    {
        var given = Given.In(IncidentKind.Impersonation, status)
            .Drafted(StatementIds.First, StatementKind.Warning)
            .Approved(StatementIds.First);

        var events = given.Decide(new PublishStatement(StatementIds.First, PublishedUrl), Actors.Writer).ShouldAccept();

        Assert.Equal(
            [
                new StatementPublished(Given.IncidentId, StatementIds.First, 1, PublishedUrl, Actors.Writer.Id, given.Now),
                new StepCompleted(Given.IncidentId, "publish-warning", 1, null, Actors.Writer.Id, given.Now),
            ],
            events);
    }

    [Fact]
    public void A_published_statement_keeps_who_published_it_where_and_when()
    {
        var given = Given.Reported(IncidentKind.Impersonation).Drafted(StatementIds.First, StatementKind.Warning).Approved(StatementIds.First);

        var statement = given.Do(new PublishStatement(StatementIds.First, PublishedUrl), Actors.Writer).State.Statement(StatementIds.First)!;

        Assert.Equal(StatementStatus.Published, statement.Status);
        Assert.Equal((Actors.Writer.Id, given.Now, PublishedUrl), (statement.PublishedBy, statement.PublishedAt, statement.PublishedUrl));
    }

    [Fact]
    public void Publishing_an_unapproved_draft_is_refused()
    {
        var given = Given.Reported(IncidentKind.Impersonation).Drafted(StatementIds.First, StatementKind.Warning);

        given.Decide(new PublishStatement(StatementIds.First, null), Actors.Writer).ShouldRefuse(RefusalKind.StateConflict, "approval-required");
    }

    [Fact]
    public void Publishing_twice_changes_nothing()
    {
        var given = Given.Reported(IncidentKind.Impersonation).PublishedStatement(StatementIds.First, StatementKind.Warning);

        given.Decide(new PublishStatement(StatementIds.First, PublishedUrl), Actors.Writer).ShouldChangeNothing();
    }

    [Fact]
    public void Publishing_an_unknown_statement_is_refused_as_not_found()
    {
        var given = Given.Reported(IncidentKind.Impersonation);

        given.Decide(new PublishStatement(StatementIds.Unknown, null), Actors.Writer).ShouldRefuse(RefusalKind.NotFound, "statement-not-found");
    }

    [Fact]
    public void Publishing_a_kind_no_step_asks_for_completes_nothing()
    {
        var given = Given.Reported(IncidentKind.Impersonation).Drafted(StatementIds.First, StatementKind.Apology).Approved(StatementIds.First);

        var events = given.Decide(new PublishStatement(StatementIds.First, null), Actors.Writer).ShouldAccept();

        Assert.IsType<StatementPublished>(Assert.Single(events));
    }

    [Fact]
    public void Publishing_press_material_completes_the_optional_press_step()
    {
        var given = Given.Reported(IncidentKind.Impersonation).Drafted(StatementIds.First, StatementKind.PressMaterial).Approved(StatementIds.First);

        var events = given.Decide(new PublishStatement(StatementIds.First, null), Actors.Writer).ShouldAccept();

        Assert.Equal("press-release", events.Single<StepCompleted>().StepKey);
    }

    [Fact]
    public void Publishing_an_apology_after_backlash_completes_every_step_that_accepts_an_apology()
    {
        var given = Given.Reported(IncidentKind.Backlash).Drafted(StatementIds.First, StatementKind.Apology).Approved(StatementIds.First);

        var events = given.Decide(new PublishStatement(StatementIds.First, null), Actors.Writer).ShouldAccept();

        Assert.Equal(["first-public-word", "department-response"], events.OfType<StepCompleted>().Select(c => c.StepKey));
    }

    [Fact]
    public void Publishing_a_holding_statement_after_backlash_completes_only_the_first_public_word()
    {
        var given = Given.Reported(IncidentKind.Backlash)
            .Drafted(StatementIds.First, StatementKind.HoldingStatement)
            .Approved(StatementIds.First);

        var events = given.Decide(new PublishStatement(StatementIds.First, null), Actors.Writer).ShouldAccept();

        Assert.Equal("first-public-word", events.Single<StepCompleted>().StepKey);
    }
}
