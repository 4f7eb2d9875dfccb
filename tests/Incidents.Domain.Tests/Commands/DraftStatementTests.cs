using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Commands;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Incidents.State;
using Incidents.Domain.Tests.Scenarios;

namespace Incidents.Domain.Tests.Commands;

/// <summary>A missing or closed incident: see MissingIncidentTests and ClosedIncidentTests. Links and corrections: StatementContentTests.</summary>
public sealed class DraftStatementTests
{
    private static DraftStatement Warning(string text = "偽アカウントにご注意ください") =>
        new(StatementIds.First, StatementKind.Warning, [StatementChannel.Homepage, StatementChannel.OfficialAccount], text, Given.HomepageUrl, null);

    [Theory]
    [InlineData(IncidentStatus.Reported)]
    [InlineData(IncidentStatus.Responding)]
    [InlineData(IncidentStatus.Resolved)]
    public void Drafting_records_the_statement_as_written(IncidentStatus status)
    {
        var given = Given.In(IncidentKind.Impersonation, status);

        var drafted = Assert.IsType<StatementDrafted>(Assert.Single(given.Decide(Warning(), Actors.Writer).ShouldAccept()));

        Assert.Equal(Given.IncidentId, drafted.IncidentId);
        Assert.Equal(StatementIds.First, drafted.StatementId);
        Assert.Equal(StatementKind.Warning, drafted.Kind);
        Assert.Equal([StatementChannel.Homepage, StatementChannel.OfficialAccount], drafted.Channels);
        Assert.Equal("偽アカウントにご注意ください", drafted.Text);
        Assert.Equal(Given.HomepageUrl, drafted.LinkUrl);
        Assert.Null(drafted.Corrects);
        Assert.Equal((Actors.Writer.Id, given.Now), (drafted.By, drafted.At));
    }

    [Fact]
    public void A_new_draft_is_revision_one_and_awaits_approval()
    {
        var statement = Given.Reported(IncidentKind.Impersonation).Do(Warning(), Actors.Writer).State.Statement(StatementIds.First)!;

        Assert.Equal((1, StatementStatus.Draft), (statement.Revision, statement.Status));
        Assert.Equal([Actors.Writer.Id], statement.Authors);
    }

    [Fact]
    public void Drafting_the_same_statement_twice_changes_nothing()
    {
        var given = Given.Reported(IncidentKind.Impersonation).Do(Warning(), Actors.Writer);

        given.Decide(Warning(), Actors.Writer).ShouldChangeNothing();
    }

    [Fact]
    public void Drafting_different_text_under_an_existing_id_is_refused()
    {
        var given = Given.Reported(IncidentKind.Impersonation).Do(Warning(), Actors.Writer);

        given.Decide(Warning("別の本文"), Actors.Writer).ShouldRefuse(RefusalKind.StateConflict, "statement-exists");
    }

    [Fact]
    public void Drafting_the_original_text_again_after_a_revision_is_refused()
    {
        var given = Given.Reported(IncidentKind.Impersonation).Do(Warning(), Actors.Writer).Revised(StatementIds.First, "改訂版");

        given.Decide(Warning(), Actors.Writer).ShouldRefuse(RefusalKind.StateConflict, "statement-exists");
    }

    [Fact]
    public void Drafting_with_a_password_in_the_text_is_refused()
    {
        var given = Given.Reported(IncidentKind.AccountTakeover);

        given.Decide(Warning("新しいパスワード＝Misato2026"), Actors.Writer).ShouldRefuse(RefusalKind.Invalid, "secret-in-text");
    }
}
