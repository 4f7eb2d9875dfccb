using System.Net;
using System.Net.Http.Headers;
using Incidents.Api.Cli;
using Incidents.Domain.Access;

namespace Incidents.Api.Tests;

public sealed class TokenLifecycleTests(ApiFixture fixture) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The CLI's database as a command-line setting: an environment variable would be shared by parallel tests.</summary>
    private string Database => "--ConnectionStrings:Incidents=" + fixture.Database.ConnectionString;

    private HttpClient ClientWith(string token)
    {
        var client = fixture.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Fact]
    public async Task Rotating_your_token_issues_a_new_one_and_the_old_one_stops_working_at_once()
    {
        var alice = await fixture.Factory.ClientForAsync("alice", Role.Staff);

        var rotated = await alice.PostJsonAsync("/api/me/tokens/rotate", new { expiresInDays = 30 });

        Assert.Equal(HttpStatusCode.Created, rotated.StatusCode);
        var body = await rotated.JsonAsync();
        var fresh = ClientWith(body["token"]!.GetValue<string>());
        Assert.Equal(fixture.Clock.GetUtcNow().AddDays(30), body["expiresAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/api/me")).StatusCode);
        await (await alice.GetAsync("/api/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_revoked_token_fails_at_once_and_the_list_never_shows_token_values()
    {
        var alice = await fixture.Factory.ClientForAsync("alice", Role.Staff);
        var second = ClientWith((await (await alice.PostJsonAsync("/api/me/tokens/rotate", null)).JsonAsync())["token"]!.GetValue<string>());
        var tokens = await (await second.GetAsync("/api/me/tokens")).JsonAsync();
        var active = tokens.AsArray().Single(t => t!["revokedAt"] is null)!;

        var revoke = await second.PostJsonAsync($"/api/me/tokens/{active["id"]!.GetValue<string>()}/revoke", null);

        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        await (await second.GetAsync("/api/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.DoesNotContain("inc_", tokens.ToJsonString());
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        var alice = await fixture.Factory.ClientForAsync("alice", Role.Staff);
        var shortLived = ClientWith((await (await alice.PostJsonAsync("/api/me/tokens/rotate", new { expiresInDays = 1 })).JsonAsync())["token"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await shortLived.GetAsync("/api/me")).StatusCode);

        fixture.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));

        await (await shortLived.GetAsync("/api/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Only_admins_manage_users_and_their_tokens()
    {
        var admin = await fixture.Factory.ClientForAsync("root", Role.Admin);
        var ciso = await fixture.Factory.ClientForAsync("sato", Role.Ciso);

        await (await ciso.GetAsync("/api/admin/users")).AssertProblemAsync(HttpStatusCode.Forbidden);
        var created = await admin.PostJsonAsync("/api/admin/users", new { name = "kenji", roles = new[] { "security-manager" }, email = "kenji@town.example.jp" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var kenji = ClientWith((await created.JsonAsync())["token"]!["token"]!.GetValue<string>());
        Assert.Equal("kenji", (await (await kenji.GetAsync("/api/me")).JsonAsync())["name"]!.GetValue<string>());

        var revoked = await admin.PostJsonAsync("/api/admin/users/kenji/revoke-tokens", null);

        Assert.Equal(1, (await revoked.JsonAsync())["revoked"]!.GetValue<int>());
        await (await kenji.GetAsync("/api/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await admin.PostJsonAsync("/api/admin/users", new { name = "kenji", roles = new[] { "staff" } })).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Creating_a_user_with_a_password_field_is_refused()
    {
        var admin = await fixture.Factory.ClientForAsync("root", Role.Admin);

        var response = await admin.PostJsonAsync("/api/admin/users", new { name = "eve", roles = new[] { "staff" }, password = "hunter2" });

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(1, await fixture.Database.CountAsync("users"));
    }

    [Fact]
    public async Task A_disabled_user_is_refused_with_every_token()
    {
        var admin = await fixture.Factory.ClientForAsync("root", Role.Admin);
        var alice = await fixture.Factory.ClientForAsync("alice", Role.Staff);

        await admin.PostJsonAsync("/api/admin/users/alice/disable", null);

        await (await alice.GetAsync("/api/incidents")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_cli_rotates_and_revokes_tokens()
    {
        var old = await fixture.Factory.ClientForAsync("alice", Role.Staff);
        var stdout = new StringWriter();

        Assert.Equal(0, await UsersCli.RunAsync(["users", "rotate", "alice", Database], stdout, new StringWriter()));

        var rotated = ClientWith(stdout.ToString().Trim());
        Assert.Equal(HttpStatusCode.OK, (await rotated.GetAsync("/api/me")).StatusCode);
        await (await old.GetAsync("/api/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Equal(0, await UsersCli.RunAsync(["users", "revoke", "alice", Database], new StringWriter(), new StringWriter()));
        await (await rotated.GetAsync("/api/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}
