using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Commands;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Incidents.State;
using Incidents.Domain.Tests.Scenarios;

namespace Incidents.Domain.Tests.Commands;

/// <summary>A missing or closed incident: see MissingIncidentTests and ClosedIncidentTests. Who may approve: FourEyesTests.</summary>
public sealed class ApproveStatementTests
{
    [Theory]
    [InlineData(IncidentStatus.Reported)]
    [InlineData(IncidentStatus.Responding)]
    [InlineData(IncidentStatus.Resolved)]
    public void Approving_a_draft_approves_its_current_revision(IncidentStatus status)
    {
        var given = Given.In(IncidentKind.Impersonation, status).Drafted(StatementIds.First, StatementKind.Warning);

        var events = given.Decide(new ApproveStatement(StatementIds.First), Actors.PublishingOfficer).ShouldAccept();

        Assert.Equal([new StatementApproved(Given.IncidentId, StatementIds.First, 1, Actors.PublishingOfficer.Id, given.Now)], events);
    }

    [Fact]
    public void An_approved_draft_is_ready_to_publish()
    {
        var given = Given.Reported(IncidentKind.Impersonation).Drafted(StatementIds.First, StatementKind.Warning);

        var statement = given.Approved(StatementIds.First).State.Statement(StatementIds.First)!;

        Assert.Equal(StatementStatus.Approved, statement.Status);
        Assert.Equal((1, Actors.PublishingOfficer.Id), (statement.ApprovedRevision, statement.ApprovedBy));
    }

    [Fact]
    public void Approving_a_revised_draft_approves_the_latest_revision()
    {
        var given = Given.Reported(IncidentKind.Impersonation)
            .Drafted(StatementIds.First, StatementKind.Warning)
            .Revised(StatementIds.First, "改訂版");

        var approved = given.Decide(new ApproveStatement(StatementIds.First), Actors.DepartmentHead).ShouldAccept().Single<StatementApproved>();

        Assert.Equal(2, approved.Revision);
    }

    [Fact]
    public void Approving_twice_changes_nothing()
    {
        var given = Given.Reported(IncidentKind.Impersonation).Drafted(StatementIds.First, StatementKind.Warning).Approved(StatementIds.First);

        given.Decide(new ApproveStatement(StatementIds.First), Actors.Ciso).ShouldChangeNothing();
    }

    [Fact]
    public void Approving_a_published_statement_changes_nothing()
    {
        var given = Given.Reported(IncidentKind.Impersonation).PublishedStatement(StatementIds.First, StatementKind.Warning);

        given.Decide(new ApproveStatement(StatementIds.First), Actors.Ciso).ShouldChangeNothing();
    }

    [Fact]
    public void Approving_an_unknown_statement_is_refused_as_not_found()
    {
        var given = Given.Reported(IncidentKind.Impersonation);

        given.Decide(new ApproveStatement(StatementIds.Unknown), Actors.PublishingOfficer).ShouldRefuse(RefusalKind.NotFound, "statement-not-found");
    }
}
