using Incidents.Domain.Access;
using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Commands;
using Incidents.Domain.Tests.Scenarios;

namespace Incidents.Domain.Tests.Rules;

/// <summary>Every public statement is drafted by one person and approved by another with authority (000 §8(1); 002 2(3)②).</summary>
public sealed class FourEyesTests
{
    private static Scenario DraftBy(Actor writer) =>
        Given.Reported(IncidentKind.Impersonation).Drafted(StatementIds.First, StatementKind.Warning, by: writer);

    [Fact]
    public void The_drafter_cannot_approve_their_own_statement()
    {
        var given = DraftBy(Actors.PublishingOfficer);

        given.Decide(new ApproveStatement(StatementIds.First), Actors.PublishingOfficer).ShouldRefuse(RefusalKind.NotPermitted, "four-eyes");
    }

    [Fact]
    public void Anyone_who_revised_the_statement_cannot_approve_it()
    {
        var given = DraftBy(Actors.Writer).Revised(StatementIds.First, "所属長が手直し", by: Actors.DepartmentHead);

        given.Decide(new ApproveStatement(StatementIds.First), Actors.DepartmentHead).ShouldRefuse(RefusalKind.NotPermitted, "four-eyes");
    }

    [Fact]
    public void The_drafter_stays_an_author_after_someone_else_revised()
    {
        var given = DraftBy(Actors.Ciso).Revised(StatementIds.First, "手直し", by: Actors.Writer);

        given.Decide(new ApproveStatement(StatementIds.First), Actors.Ciso).ShouldRefuse(RefusalKind.NotPermitted, "four-eyes");
    }

    [Fact]
    public void The_drafter_is_refused_even_after_someone_else_approved()
    {
        var given = DraftBy(Actors.PublishingOfficer).Approved(StatementIds.First, by: Actors.DepartmentHead);

        given.Decide(new ApproveStatement(StatementIds.First), Actors.PublishingOfficer).ShouldRefuse(RefusalKind.NotPermitted, "four-eyes");
    }

    [Fact]
    public void Someone_who_wrote_no_revision_may_approve()
    {
        var given = DraftBy(Actors.PublishingOfficer).Revised(StatementIds.First, "手直し", by: Actors.Writer);

        given.Decide(new ApproveStatement(StatementIds.First), Actors.DepartmentHead).ShouldAccept();
    }

    [Theory]
    [InlineData(Role.PublishingOfficer)]
    [InlineData(Role.DepartmentHead)]
    [InlineData(Role.Ciso)]
    public void Publishing_officers_department_heads_and_the_ciso_may_approve(Role role)
    {
        var given = DraftBy(Actors.Writer);

        given.Decide(new ApproveStatement(StatementIds.First), new Actor("approver", role)).ShouldAccept();
    }

    [Theory]
    [InlineData(Role.Staff)]
    [InlineData(Role.SecurityManager)]
    [InlineData(Role.Admin)]
    [InlineData(Role.Automation)]
    public void Any_other_acting_role_cannot_approve(Role role)
    {
        var given = DraftBy(Actors.Writer);

        given.Decide(new ApproveStatement(StatementIds.First), new Actor("someone-else", role))
            .ShouldRefuse(RefusalKind.NotPermitted, "approver-lacks-authority");
    }

    [Fact]
    public void Approval_is_declared_for_the_approving_roles_only()
    {
        Assert.Equal(
            [Role.PublishingOfficer, Role.DepartmentHead, Role.Ciso],
            new ApproveStatement(StatementIds.First).PermittedRoles.Order());
    }

    [Fact]
    public void The_automation_cannot_write_or_publish_a_statement()
    {
        Assert.DoesNotContain(Role.Automation, CommandSamples.ByName[nameof(DraftStatement)].PermittedRoles);
        Assert.DoesNotContain(Role.Automation, CommandSamples.ByName[nameof(ReviseStatement)].PermittedRoles);
        Assert.DoesNotContain(Role.Automation, CommandSamples.ByName[nameof(PublishStatement)].PermittedRoles);
    }
}
