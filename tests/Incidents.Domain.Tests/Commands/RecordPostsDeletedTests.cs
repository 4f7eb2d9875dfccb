using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Commands;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Tests.Scenarios;

namespace Incidents.Domain.Tests.Commands;

/// <summary>A missing or closed incident: see MissingIncidentTests and ClosedIncidentTests.</summary>
public sealed class RecordPostsDeletedTests
{
    private const string Post1 = "https://x.com/misato_town/status/1";
    private const string Post2 = "https://x.com/misato_town/status/2";

    [Theory]
    [InlineData(IncidentStatus.Reported)]
    [InlineData(IncidentStatus.Responding)]
    [InlineData(IncidentStatus.Resolved)]
    public void Recording_deleted_posts_completes_the_delete_step(IncidentStatus status)
    {
        var given = Given.In(IncidentKind.AccountTakeover, status);

        var events = given.Decide(new RecordPostsDeleted([Post1, Post2], "2件削除"), Actors.Reporter).ShouldAccept();

        Assert.Collection(
            events,
            e =>
            {
                var deleted = Assert.IsType<PostsDeleted>(e);
                Assert.Equal([Post1, Post2], deleted.PostUrls);
                Assert.Equal(("2件削除", Actors.Reporter.Id, given.Now), (deleted.Note, deleted.By, deleted.At));
            },
            e => Assert.Equal(new StepCompleted(Given.IncidentId, "delete-unauthorised-posts", 1, null, Actors.Reporter.Id, given.Now), e));
    }

    [Fact]
    public void Recording_the_same_deleted_posts_twice_changes_nothing()
    {
        var given = Given.Reported(IncidentKind.AccountTakeover).DeletedPosts(Post1, Post2);

        given.Decide(new RecordPostsDeleted([Post2, Post1], null), Actors.Reporter).ShouldChangeNothing();
    }

    [Fact]
    public void Recording_more_deleted_posts_records_only_the_new_ones()
    {
        var given = Given.Reported(IncidentKind.AccountTakeover).DeletedPosts(Post1);

        var events = given.Decide(new RecordPostsDeleted([Post1, Post2, Post2], null), Actors.Reporter).ShouldAccept();

        Assert.Equal([Post2], Assert.IsType<PostsDeleted>(Assert.Single(events)).PostUrls);
    }

    [Fact]
    public void Deleting_our_own_wrong_post_completes_the_erroneous_post_step()
    {
        var given = Given.Reported(IncidentKind.ErroneousPost);

        var events = given.Decide(new RecordPostsDeleted([Post1], null), Actors.Reporter).ShouldAccept();

        Assert.Equal("delete-wrong-post", events.Single<StepCompleted>().StepKey);
    }

    [Theory]
    [InlineData(IncidentKind.Impersonation)]
    [InlineData(IncidentKind.Backlash)]
    [InlineData(IncidentKind.Hoax)]
    public void Recording_deleted_posts_for_a_kind_without_that_step_is_refused(IncidentKind kind)
    {
        var given = Given.Reported(kind);

        given.Decide(new RecordPostsDeleted([Post1], null), Actors.Reporter).ShouldRefuse(RefusalKind.StateConflict, "not-in-runbook");
    }

    [Fact]
    public void Recording_deleted_posts_with_a_password_in_the_note_is_refused()
    {
        var given = Given.Reported(IncidentKind.AccountTakeover);

        given.Decide(new RecordPostsDeleted([Post1], "パスワードは hunter2 でした"), Actors.Reporter)
            .ShouldRefuse(RefusalKind.Invalid, "secret-in-text");
    }
}
