using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Commands;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Tests.Scenarios;

namespace Incidents.Domain.Tests.Commands;

/// <summary>A missing or closed incident: see MissingIncidentTests and ClosedIncidentTests. Approval and publication: StatementEditingTests.</summary>
public sealed class ReviseStatementTests
{
    [Theory]
    [InlineData(IncidentStatus.Reported)]
    [InlineData(IncidentStatus.Responding)]
    [InlineData(IncidentStatus.Resolved)]
    public void Revising_a_draft_records_the_next_revision(IncidentStatus status)
    {
        var given = Given.In(IncidentKind.Backlash, status).Drafted(StatementIds.First, StatementKind.HoldingStatement);

        var events = given.Decide(new ReviseStatement(StatementIds.First, "確認中です。", null), Actors.DepartmentHead).ShouldAccept();

        Assert.Equal(
            [new StatementRevised(Given.IncidentId, StatementIds.First, 2, "確認中です。", null, Actors.DepartmentHead.Id, given.Now)],
            events);
    }

    [Fact]
    public void Each_revision_increments_the_revision_number()
    {
        var given = Given.Reported(IncidentKind.Backlash)
            .Drafted(StatementIds.First, StatementKind.HoldingStatement)
            .Revised(StatementIds.First, "第2版");

        var revised = given.Decide(new ReviseStatement(StatementIds.First, "第3版", null), Actors.Writer).ShouldAccept().Single<StatementRevised>();

        Assert.Equal(3, revised.Revision);
    }

    [Fact]
    public void Revising_to_the_same_text_changes_nothing()
    {
        var given = Given.Reported(IncidentKind.Backlash).Drafted(StatementIds.First, StatementKind.HoldingStatement, text: "確認中です。");

        given.Decide(new ReviseStatement(StatementIds.First, "確認中です。", null), Actors.Writer).ShouldChangeNothing();
    }

    [Fact]
    public void Revising_only_the_link_is_a_revision()
    {
        var given = Given.Reported(IncidentKind.Backlash).Drafted(StatementIds.First, StatementKind.Explanation, text: "経緯の説明");

        var revised = given.Decide(new ReviseStatement(StatementIds.First, "経緯の説明", Given.HomepageUrl), Actors.Writer)
            .ShouldAccept().Single<StatementRevised>();

        Assert.Equal(Given.HomepageUrl, revised.LinkUrl);
    }

    [Fact]
    public void Revising_an_unknown_statement_is_refused_as_not_found()
    {
        var given = Given.Reported(IncidentKind.Backlash);

        given.Decide(new ReviseStatement(StatementIds.Unknown, "本文", null), Actors.Writer).ShouldRefuse(RefusalKind.NotFound, "statement-not-found");
    }

    [Fact]
    public void Revising_with_a_password_in_the_text_is_refused()
    {
        var given = Given.Reported(IncidentKind.Backlash).Drafted(StatementIds.First, StatementKind.HoldingStatement);

        given.Decide(new ReviseStatement(StatementIds.First, "Password is Misato2026", null), Actors.Writer)
            .ShouldRefuse(RefusalKind.Invalid, "secret-in-text");
    }
}
