using System.Net;
using Incidents.Domain.Access;

namespace Incidents.Api.Tests;

public sealed class ReportingTests(ApiFixture fixture) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Reporting_an_incident_answers_201_with_its_location_etag_and_open_steps()
    {
        var staff = await fixture.Factory.ClientForAsync("alice", Role.Staff);

        var response = await staff.PostJsonAsync("/api/incidents", ApiCalls.ImpersonationReport());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var incident = await response.JsonAsync();
        var id = incident["id"]!.GetValue<string>();
        Assert.Equal($"/api/incidents/{id}", response.Headers.Location?.ToString());
        Assert.Equal("\"5\"", response.ETag());
        Assert.Equal("reported", incident["status"]!.GetValue<string>());
        Assert.Equal("open", incident.StepStatus("report-to-officers"));
        Assert.Equal("pending", incident.StepStatus("await-platform-answer"));
        Assert.Equal(fixture.Clock.GetUtcNow().AddHours(1), incident.Step("report-to-officers")["dueAt"]!.GetValue<DateTimeOffset>());

        var (etag, read) = await staff.GetIncidentAsync(id);
        Assert.Equal("\"5\"", etag);
        Assert.Equal(incident.ToJsonString(), read.ToJsonString());
    }

    [Fact]
    public async Task A_replayed_idempotency_key_returns_the_first_answer_and_creates_one_incident()
    {
        var staff = await fixture.Factory.ClientForAsync("alice", Role.Staff);
        var body = ApiCalls.ImpersonationReport();

        var first = await staff.PostJsonAsync("/api/incidents", body, idempotencyKey: "report-7f3a");
        var replay = await staff.PostJsonAsync("/api/incidents", body, idempotencyKey: "report-7f3a");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal((await first.JsonAsync()).ToJsonString(), (await replay.JsonAsync()).ToJsonString());
        Assert.Equal(first.Headers.Location, replay.Headers.Location);
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(1, await fixture.Database.CountAsync("streams"));
    }

    [Fact]
    public async Task Concurrent_requests_with_one_idempotency_key_create_exactly_one_incident()
    {
        var staff = await fixture.Factory.ClientForAsync("alice", Role.Staff);
        var body = ApiCalls.ImpersonationReport();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10)
            .Select(_ => Task.Run(() => staff.PostJsonAsync("/api/incidents", body, idempotencyKey: "same-key"))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Single(responses.Select(r => r.Headers.Location!.ToString()).Distinct());
        Assert.Equal(1, await fixture.Database.CountAsync("streams"));
        Assert.Equal(1, await fixture.Database.CountAsync("idempotency_keys"));
    }

    [Fact]
    public async Task Reusing_an_idempotency_key_for_a_different_request_is_refused()
    {
        var staff = await fixture.Factory.ClientForAsync("alice", Role.Staff);
        await staff.PostJsonAsync("/api/incidents", ApiCalls.ImpersonationReport("@one"), idempotencyKey: "k1");

        var response = await staff.PostJsonAsync("/api/incidents", ApiCalls.ImpersonationReport("@two"), idempotencyKey: "k1");

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("idempotency-key-reused", problem["code"]!.GetValue<string>());
        Assert.Equal(1, await fixture.Database.CountAsync("streams"));
    }

    [Fact]
    public async Task Idempotency_keys_are_scoped_to_the_user_who_sent_them()
    {
        var alice = await fixture.Factory.ClientForAsync("alice", Role.Staff);
        var bob = await fixture.Factory.ClientForAsync("bob", Role.Staff);

        await alice.PostJsonAsync("/api/incidents", ApiCalls.ImpersonationReport("@one_fake"), idempotencyKey: "shared");
        await bob.PostJsonAsync("/api/incidents", ApiCalls.ImpersonationReport("@another_fake"), idempotencyKey: "shared");

        Assert.Equal(2, await fixture.Database.CountAsync("streams"));
    }

    [Fact]
    public async Task The_timeline_shows_every_event_in_order_with_who_in_which_role_and_when()
    {
        var staff = await fixture.Factory.ClientForAsync("alice", Role.Staff);
        var head = await fixture.Factory.ClientForAsync("hiroshi", Role.DepartmentHead);
        var (id, etag) = await staff.ReportAsync();
        fixture.Clock.Advance(TimeSpan.FromMinutes(10));
        await head.CommandAsync(id, "acknowledge", null, etag);

        var timeline = (await (await staff.GetAsync($"/api/incidents/{id}/timeline")).JsonAsync())["items"]!.AsArray();

        Assert.Equal(6, timeline.Count);
        Assert.Equal(["incident-reported", "step-opened", "step-opened", "step-opened", "step-opened", "incident-acknowledged"],
            timeline.Select(e => e!["type"]!.GetValue<string>()));
        Assert.Equal(Enumerable.Range(1, 6), timeline.Select(e => e!["version"]!.GetValue<int>()));
        Assert.Equal(await fixture.Factory.UserIdAsync("alice"), timeline[0]!["actorId"]!.GetValue<string>());
        Assert.Equal("staff", timeline[0]!["actorRole"]!.GetValue<string>());
        Assert.Equal(await fixture.Factory.UserIdAsync("hiroshi"), timeline[5]!["actorId"]!.GetValue<string>());
        Assert.Equal("department-head", timeline[5]!["actorRole"]!.GetValue<string>());
        Assert.Equal(fixture.Clock.GetUtcNow(), timeline[5]!["recordedAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal("@fake_misato_town", timeline[0]!["data"]!["accountHandle"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_list_filters_by_kind_status_and_overdue_and_pages()
    {
        var staff = await fixture.Factory.ClientForAsync("alice", Role.Staff);
        await fixture.Factory.RegisterOfficialAccountAsync("instagram", "@misato_town_official", "https://www.instagram.com/misato_town_official");
        await staff.ReportAsync(ApiCalls.ImpersonationReport("@a"));
        await staff.ReportAsync(ApiCalls.TakeoverReport());
        fixture.Clock.Advance(TimeSpan.FromMinutes(29));
        await staff.ReportAsync(ApiCalls.ImpersonationReport("@b"));

        async Task<System.Text.Json.Nodes.JsonNode> List(string query) => await (await staff.GetAsync("/api/incidents" + query)).JsonAsync();

        Assert.Equal(3, (await List(""))["total"]!.GetValue<int>());
        Assert.Equal(2, (await List("?kind=impersonation"))["total"]!.GetValue<int>());
        Assert.Equal(3, (await List("?status=reported"))["total"]!.GetValue<int>());
        Assert.Equal(0, (await List("?status=closed"))["total"]!.GetValue<int>());
        Assert.Equal(0, (await List("?overdue=true"))["total"]!.GetValue<int>());

        // The takeover's password rotation is due 30 minutes after the report; the impersonations' reports after an hour.
        fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        var overdue = await List("?overdue=true");
        Assert.Equal(1, overdue["total"]!.GetValue<int>());
        Assert.Equal("account-takeover", overdue["items"]![0]!["kind"]!.GetValue<string>());
        Assert.Equal("rotate-password", overdue["items"]![0]!["currentStep"]!.GetValue<string>());
        Assert.True(overdue["items"]![0]!["overdue"]!.GetValue<bool>());
        Assert.Equal(2, (await List("?overdue=false"))["total"]!.GetValue<int>());

        fixture.Clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(2, (await List("?overdue=true"))["total"]!.GetValue<int>());

        var page = await List("?pageSize=2&page=2");
        Assert.Single(page["items"]!.AsArray());
        Assert.Equal(3, page["total"]!.GetValue<int>());
    }
}
