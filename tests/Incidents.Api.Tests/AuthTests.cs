using System.Net;
using System.Net.Http.Headers;
using Incidents.Domain.Access;

namespace Incidents.Api.Tests;

public sealed class AuthTests(ApiFixture fixture) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Without_a_token_the_api_answers_401_problem_with_a_bearer_challenge()
    {
        var anonymous = fixture.Factory.CreateClient();

        var response = await anonymous.PostJsonAsync("/api/incidents", ApiCalls.ImpersonationReport());

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(0, await fixture.Database.CountAsync("events"));
    }

    [Theory]
    [InlineData("inc_not-a-real-token")]
    [InlineData("garbage")]
    public async Task An_unknown_token_answers_401(string token)
    {
        var client = fixture.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var response = await client.GetAsync("/api/incidents");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Tokens_are_stored_only_as_hashes()
    {
        var staff = await fixture.Factory.ClientForAsync("alice", Role.Staff);
        var token = staff.DefaultRequestHeaders.Authorization!.Parameter!;

        await using var source = fixture.Database.CreateDataSource();
        await using var command = source.CreateCommand("select count(*) from api_tokens where position($1::bytea in token_hash) > 0");
        command.Parameters.Add(new() { Value = System.Text.Encoding.UTF8.GetBytes(token) });

        Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
        Assert.Equal(1, await fixture.Database.CountAsync("api_tokens"));
        Assert.StartsWith("inc_", token);
        Assert.True(token.Length >= 4 + 43, "a token carries 256 random bits");
    }

    [Fact]
    public async Task A_role_the_command_does_not_permit_gets_403_and_writes_nothing()
    {
        var staff = await fixture.Factory.ClientForAsync("alice", Role.Staff);
        var (id, etag) = await staff.ReportAsync();
        var before = await RowCounts.TakeAsync(fixture.Database);

        var response = await staff.PostJsonAsync($"/api/incidents/{id}/close", null, etag);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("role-not-permitted", problem["code"]!.GetValue<string>());
        Assert.Equal(before, await RowCounts.TakeAsync(fixture.Database));
    }

    [Fact]
    public async Task The_drafter_of_a_statement_cannot_approve_it_even_with_the_authority()
    {
        var officer = await fixture.Factory.ClientForAsync("yuki", Role.PublishingOfficer);
        var other = await fixture.Factory.ClientForAsync("mika", Role.PublishingOfficer);
        var (id, etag) = await officer.ReportAsync();
        (etag, var incident) = await officer.CommandAsync(id, "draft-statement", new { kind = "warning", channels = new[] { "homepage" }, text = "偽アカウントにご注意ください" }, etag);
        var statement = incident["statements"]![0]!["id"]!.GetValue<string>();

        var own = await officer.PostJsonAsync($"/api/incidents/{id}/statements/{statement}/approve", null, etag);
        Assert.Equal("four-eyes", (await own.AssertProblemAsync(HttpStatusCode.Forbidden))["code"]!.GetValue<string>());

        (etag, _) = await other.CommandAsync(id, $"statements/{statement}/approve", null, etag);
        (etag, _) = await officer.CommandAsync(id, $"statements/{statement}/revise", new { text = "偽アカウントにご注意ください（更新）" }, etag);
        var afterRevision = await officer.PostJsonAsync($"/api/incidents/{id}/statements/{statement}/publish", new { }, etag);
        Assert.Equal("approval-required", (await afterRevision.AssertProblemAsync(HttpStatusCode.Conflict))["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Reporter_contact_details_are_shown_only_to_officers_who_follow_up()
    {
        var staff = await fixture.Factory.ClientForAsync("alice", Role.Staff);
        var manager = await fixture.Factory.ClientForAsync("kenji", Role.SecurityManager);
        var (id, _) = await staff.ReportAsync();

        var (_, seenByStaff) = await staff.GetIncidentAsync(id);
        var (_, seenByManager) = await manager.GetIncidentAsync(id);

        Assert.Null(seenByStaff["reporterContact"]);
        Assert.Equal("内線 1234", seenByManager["reporterContact"]!.GetValue<string>());

        var timelineForStaff = await (await staff.GetAsync($"/api/incidents/{id}/timeline")).Content.ReadAsStringAsync();
        var timelineForManager = await (await manager.GetAsync($"/api/incidents/{id}/timeline")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("内線 1234", timelineForStaff);
        Assert.Contains("内線 1234", timelineForManager);
    }
}
