using System.Net;
using Incidents.Domain.Access;

namespace Incidents.Api.Tests;

/// <summary>Two officers' explicit merge of duplicate incidents: one event on each stream, in one transaction.</summary>
public sealed class MergeTests(ApiFixture fixture) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Merging_records_the_merge_on_both_timelines_moves_the_reports_and_closes_the_duplicate_with_no_timers_left()
    {
        var alice = await fixture.Factory.ClientForAsync("alice", Role.Staff);
        var bob = await fixture.Factory.ClientForAsync("bob", Role.Staff);
        var manager = await fixture.Factory.ClientForAsync("kenji", Role.SecurityManager);
        var (survivor, etag) = await alice.ReportAsync(ApiCalls.ImpersonationReport("@fake_misato"));
        var (duplicate, _) = await bob.ReportAsync(ApiCalls.ImpersonationReport("@fake_misat0"));
        Assert.True(await fixture.Database.QueryCountAsync("select count(*) from timers where stream_id = $1", $"incident-{duplicate}") > 0);

        var (_, merged) = await manager.CommandAsync(survivor, "merge", new { duplicateId = duplicate, reason = "同一人物による偽アカウント" }, etag);

        Assert.Equal(2, merged["reportCount"]!.GetValue<int>());
        Assert.Equal(duplicate, merged["additionalReports"]![0]!["mergedFrom"]!.GetValue<string>());
        Assert.Equal(duplicate, merged["mergedIncidents"]![0]!["incidentId"]!.GetValue<string>());
        var survivorTimeline = (await (await manager.GetAsync($"/api/incidents/{survivor}/timeline")).JsonAsync())["items"]!.AsArray();
        var mergeEvent = survivorTimeline[^1]!;
        Assert.Equal("incident-merged", mergeEvent["type"]!.GetValue<string>());
        Assert.Equal("@fake_misat0", mergeEvent["data"]!["reports"]![0]!["accountHandle"]!.GetValue<string>());
        Assert.Equal("security-manager", mergeEvent["actorRole"]!.GetValue<string>());

        var (duplicateEtag, absorbed) = await alice.GetIncidentAsync(duplicate);
        Assert.Equal("closed", absorbed["status"]!.GetValue<string>());
        Assert.Equal(survivor, absorbed["mergedInto"]!.GetValue<string>());
        var duplicateTimeline = (await (await manager.GetAsync($"/api/incidents/{duplicate}/timeline")).JsonAsync())["items"]!.AsArray();
        Assert.Equal(["incident-merged-into", "incident-closed"], duplicateTimeline.TakeLast(2).Select(e => e!["type"]!.GetValue<string>()));
        Assert.Equal(mergeEvent["correlationId"]!.GetValue<string>(), duplicateTimeline[^1]!["correlationId"]!.GetValue<string>());
        Assert.Equal(0, await fixture.Database.QueryCountAsync("select count(*) from timers where stream_id = $1", $"incident-{duplicate}"));

        var refused = await manager.PostJsonAsync($"/api/incidents/{duplicate}/acknowledge", null, duplicateEtag);
        Assert.Equal("incident-merged", (await refused.AssertProblemAsync(HttpStatusCode.Conflict))["code"]!.GetValue<string>());
        var reopen = await manager.PostJsonAsync($"/api/incidents/{duplicate}/reopen", new { reason = "別件だった" }, duplicateEtag);
        Assert.Equal("incident-merged", (await reopen.AssertProblemAsync(HttpStatusCode.Conflict))["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task After_a_merge_new_reports_of_the_duplicates_account_join_the_survivor()
    {
        var alice = await fixture.Factory.ClientForAsync("alice", Role.Staff);
        var ciso = await fixture.Factory.ClientForAsync("sato", Role.Ciso);
        var (survivor, etag) = await alice.ReportAsync(ApiCalls.ImpersonationReport("@fake_misato"));
        var (duplicate, _) = await alice.ReportAsync(ApiCalls.ImpersonationReport("@fake_misat0"));
        await ciso.CommandAsync(survivor, "merge", new { duplicateId = duplicate }, etag);

        var again = await alice.PostJsonAsync("/api/incidents", ApiCalls.ImpersonationReport("@FAKE_MISAT0"));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal($"/api/incidents/{survivor}", again.Headers.Location?.ToString());
        Assert.Equal(2, await fixture.Database.QueryCountAsync("select count(*) from open_incident_accounts where incident_id = $1", Guid.Parse(survivor)));
    }

    [Fact]
    public async Task Merging_again_changes_nothing_and_staff_may_not_merge()
    {
        var alice = await fixture.Factory.ClientForAsync("alice", Role.Staff);
        var head = await fixture.Factory.ClientForAsync("hiroshi", Role.DepartmentHead);
        var (survivor, etag) = await alice.ReportAsync(ApiCalls.ImpersonationReport("@fake_one"));
        var (duplicate, _) = await alice.ReportAsync(ApiCalls.ImpersonationReport("@fake_two"));

        var byStaff = await alice.PostJsonAsync($"/api/incidents/{survivor}/merge", new { duplicateId = duplicate }, etag);
        Assert.Equal("role-not-permitted", (await byStaff.AssertProblemAsync(HttpStatusCode.Forbidden))["code"]!.GetValue<string>());

        var (afterMerge, _) = await head.CommandAsync(survivor, "merge", new { duplicateId = duplicate }, etag);
        var (afterAgain, _) = await head.CommandAsync(survivor, "merge", new { duplicateId = duplicate }, "*");
        Assert.Equal(afterMerge, afterAgain);
    }

    [Fact]
    public async Task A_refused_or_stale_merge_writes_nothing_on_either_stream()
    {
        var alice = await fixture.Factory.ClientForAsync("alice", Role.Staff);
        var ciso = await fixture.Factory.ClientForAsync("sato", Role.Ciso);
        var (survivor, stale) = await alice.ReportAsync(ApiCalls.ImpersonationReport("@fake_one"));
        var (duplicate, _) = await alice.ReportAsync(ApiCalls.ImpersonationReport("@fake_two"));
        var (fresh, _) = await alice.CommandAsync(survivor, "request-takedown", new { }, stale);
        var before = await RowCounts.TakeAsync(fixture.Database);

        var staleMerge = await ciso.PostJsonAsync($"/api/incidents/{survivor}/merge", new { duplicateId = duplicate }, stale);
        var intoItself = await ciso.PostJsonAsync($"/api/incidents/{survivor}/merge", new { duplicateId = survivor }, fresh);
        var unknown = await ciso.PostJsonAsync($"/api/incidents/{survivor}/merge", new { duplicateId = Guid.NewGuid() }, fresh);

        Assert.Equal(fresh, staleMerge.ETag());
        await staleMerge.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal("merge-into-itself", (await intoItself.AssertProblemAsync(HttpStatusCode.UnprocessableEntity))["code"]!.GetValue<string>());
        Assert.Equal("duplicate-not-found", (await unknown.AssertProblemAsync(HttpStatusCode.NotFound))["code"]!.GetValue<string>());
        Assert.Equal(before, await RowCounts.TakeAsync(fixture.Database));
    }
}
