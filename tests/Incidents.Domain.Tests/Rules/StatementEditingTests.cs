using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Commands;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Incidents.State;
using Incidents.Domain.Tests.Scenarios;

namespace Incidents.Domain.Tests.Rules;

/// <summary>Only approved text goes out, and what went out is corrected by a new statement, never edited (000 §4(6); 001 §2(4)).</summary>
public sealed class StatementEditingTests
{
    private static Scenario ApprovedWarning() =>
        Given.Reported(IncidentKind.Impersonation).Drafted(StatementIds.First, StatementKind.Warning).Approved(StatementIds.First);

    [Fact]
    public void Editing_an_approved_draft_voids_its_approval()
    {
        var statement = ApprovedWarning().Revised(StatementIds.First, "承認後に手直し").State.Statement(StatementIds.First)!;

        Assert.Equal(StatementStatus.Draft, statement.Status);
        Assert.Equal((2, 1), (statement.Revision, statement.ApprovedRevision));
    }

    [Fact]
    public void Publishing_after_a_revision_without_a_new_approval_is_refused()
    {
        var given = ApprovedWarning().Revised(StatementIds.First, "承認後に手直し");

        given.Decide(new PublishStatement(StatementIds.First, null), Actors.Writer).ShouldRefuse(RefusalKind.StateConflict, "approval-required");
    }

    [Fact]
    public void Publishing_after_the_revision_is_approved_publishes_that_revision()
    {
        var given = ApprovedWarning().Revised(StatementIds.First, "承認後に手直し").Approved(StatementIds.First, Actors.Ciso);

        var published = given.Decide(new PublishStatement(StatementIds.First, null), Actors.Writer).ShouldAccept().Single<StatementPublished>();

        Assert.Equal(2, published.Revision);
    }

    [Fact]
    public void Editing_a_published_statement_is_refused()
    {
        var given = ApprovedWarning().Published(StatementIds.First);

        given.Decide(new ReviseStatement(StatementIds.First, "公開後の修正", null), Actors.Writer)
            .ShouldRefuse(RefusalKind.StateConflict, "statement-published");
    }

    [Fact]
    public void A_correction_that_names_a_published_statement_is_accepted()
    {
        var given = ApprovedWarning().Published(StatementIds.First);
        var correction = new DraftStatement(StatementIds.Second, StatementKind.Correction, [StatementChannel.OfficialAccount], "【訂正】", null, StatementIds.First);

        var drafted = given.Decide(correction, Actors.Writer).ShouldAccept().Single<StatementDrafted>();

        Assert.Equal(StatementIds.First, drafted.Corrects);
        Assert.Equal(StatementIds.First, given.Do(correction, Actors.Writer).State.Statement(StatementIds.Second)!.Corrects);
    }

    [Fact]
    public void A_correction_of_an_unpublished_statement_is_refused()
    {
        var given = ApprovedWarning();
        var correction = new DraftStatement(StatementIds.Second, StatementKind.Correction, [StatementChannel.OfficialAccount], "【訂正】", null, StatementIds.First);

        given.Decide(correction, Actors.Writer).ShouldRefuse(RefusalKind.Invalid, "corrects-unpublished");
    }

    [Fact]
    public void A_correction_of_a_statement_the_incident_does_not_have_is_refused()
    {
        var given = Given.Reported(IncidentKind.Impersonation);
        var correction = new DraftStatement(StatementIds.Second, StatementKind.Correction, [StatementChannel.OfficialAccount], "【訂正】", null, StatementIds.Unknown);

        given.Decide(correction, Actors.Writer).ShouldRefuse(RefusalKind.Invalid, "corrects-unpublished");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_correct_information_post_without_a_link_is_refused(string? linkUrl)
    {
        var given = Given.Reported(IncidentKind.Hoax);
        var draft = new DraftStatement(StatementIds.First, StatementKind.CorrectInformation, [StatementChannel.OfficialAccount], "正しい情報", linkUrl, null);

        given.Decide(draft, Actors.Writer).ShouldRefuse(RefusalKind.Invalid, "link-required");
    }

    [Fact]
    public void A_correct_information_post_with_a_link_is_accepted()
    {
        var given = Given.Reported(IncidentKind.Hoax);
        var draft = new DraftStatement(StatementIds.First, StatementKind.CorrectInformation, [StatementChannel.OfficialAccount], "正しい情報", Given.HomepageUrl, null);

        Assert.Equal(Given.HomepageUrl, given.Decide(draft, Actors.Writer).ShouldAccept().Single<StatementDrafted>().LinkUrl);
    }

    [Fact]
    public void Revising_a_correct_information_post_to_drop_its_link_is_refused()
    {
        var given = Given.Reported(IncidentKind.Hoax).Drafted(StatementIds.First, StatementKind.CorrectInformation);

        given.Decide(new ReviseStatement(StatementIds.First, "正しい情報（改訂）", null), Actors.Writer)
            .ShouldRefuse(RefusalKind.Invalid, "link-required");
    }

    [Fact]
    public void Other_kinds_of_statement_need_no_link()
    {
        var given = Given.Reported(IncidentKind.Backlash);
        var draft = new DraftStatement(StatementIds.First, StatementKind.HoldingStatement, [StatementChannel.OfficialAccount], "確認中です", null, null);

        given.Decide(draft, Actors.Writer).ShouldAccept();
    }
}
