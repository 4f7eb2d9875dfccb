using System.Net;
using Incidents.Domain.Access;

namespace Incidents.Api.Tests;

public sealed class ConcurrencyTests(ApiFixture fixture) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_command_with_a_stale_etag_gets_412_with_the_current_etag_and_writes_nothing()
    {
        var staff = await fixture.Factory.ClientForAsync("alice", Role.Staff);
        var (id, stale) = await staff.ReportAsync();
        var (fresh, _) = await staff.CommandAsync(id, "request-takedown", new { }, stale);
        var before = await RowCounts.TakeAsync(fixture.Database);

        var response = await staff.PostJsonAsync($"/api/incidents/{id}/report-to-officers", new { recipients = new[] { "ciso" } }, stale);

        var problem = await response.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal("stale-version", problem["code"]!.GetValue<string>());
        Assert.Equal(fresh, response.ETag());
        Assert.Equal(before, await RowCounts.TakeAsync(fixture.Database));
    }

    [Fact]
    public async Task Two_commands_sent_with_the_same_etag_one_applies_and_the_other_gets_412()
    {
        var staff = await fixture.Factory.ClientForAsync("alice", Role.Staff);
        var head = await fixture.Factory.ClientForAsync("hiroshi", Role.DepartmentHead);
        for (var round = 0; round < 10; round++)
        {
            var (id, etag) = await staff.ReportAsync(ApiCalls.ImpersonationReport($"@fake{round}"));

            var responses = await Task.WhenAll(
                Task.Run(() => staff.PostJsonAsync($"/api/incidents/{id}/report-to-officers", new { recipients = new[] { "ciso" } }, etag)),
                Task.Run(() => head.PostJsonAsync($"/api/incidents/{id}/acknowledge", null, etag)));

            Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
            Assert.Single(responses, r => r.StatusCode == HttpStatusCode.PreconditionFailed);
            var timeline = (await (await staff.GetAsync($"/api/incidents/{id}/timeline")).JsonAsync())["items"]!.AsArray();
            Assert.Equal(6, timeline.Count);
        }
    }

    [Fact]
    public async Task If_match_star_applies_on_whatever_the_current_version_is()
    {
        var staff = await fixture.Factory.ClientForAsync("alice", Role.Staff);
        var (id, _) = await staff.ReportAsync();

        var (etag, incident) = await staff.CommandAsync(id, "request-takedown", new { }, "*");

        Assert.Equal("\"8\"", etag);
        Assert.Equal("completed", incident.StepStatus("request-takedown"));
    }

    [Fact]
    public async Task Concurrent_commands_with_if_match_star_all_apply_on_top_of_each_other()
    {
        var staff = await fixture.Factory.ClientForAsync("alice", Role.Staff);
        var (id, _) = await staff.ReportAsync();
        var recipients = new[] { "ciso", "department-head", "general-affairs" };

        var responses = await Task.WhenAll(recipients.Select(r =>
            Task.Run(() => staff.PostJsonAsync($"/api/incidents/{id}/report-to-officers", new { recipients = new[] { r } }, "*"))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var (_, incident) = await staff.GetIncidentAsync(id);
        Assert.Equal(recipients.Order(), incident["reportedTo"]!.AsArray().Select(r => r!.GetValue<string>()).Order());
        Assert.Equal("completed", incident.StepStatus("report-to-officers"));
    }

    [Fact]
    public async Task Repeating_a_recorded_fact_changes_nothing()
    {
        var staff = await fixture.Factory.ClientForAsync("alice", Role.Staff);
        var (id, etag) = await staff.ReportAsync();
        var (afterFirst, _) = await staff.CommandAsync(id, "request-takedown", new { }, etag);

        var (afterRepeat, _) = await staff.CommandAsync(id, "request-takedown", new { }, afterFirst);

        Assert.Equal(afterFirst, afterRepeat);
    }

    [Fact]
    public async Task A_get_with_the_current_etag_in_if_none_match_answers_304()
    {
        var staff = await fixture.Factory.ClientForAsync("alice", Role.Staff);
        var (id, etag) = await staff.ReportAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/incidents/{id}");
        request.Headers.TryAddWithoutValidation("If-None-Match", etag);

        var response = await staff.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }
}
