using System.Net;
using Incidents.Api.Cli;
using Incidents.Domain.Access;

namespace Incidents.Api.Tests;

public sealed class OperationalTests(ApiFixture fixture) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The CLI's database as a command-line setting: an environment variable would be shared by parallel tests.</summary>
    private string Database => "--ConnectionStrings:Incidents=" + fixture.Database.ConnectionString;

    [Fact]
    public async Task Liveness_and_readiness_answer_healthy_when_the_database_is_there()
    {
        var client = fixture.Factory.CreateClient();

        var live = await client.GetAsync("/health/live");
        var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var body = await ready.JsonAsync();
        Assert.Equal("healthy", body["checks"]!["database"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Responses_and_problems_carry_the_security_headers()
    {
        var client = fixture.Factory.CreateClient();

        foreach (var response in new[] { await client.GetAsync("/health/live"), await client.GetAsync("/api/incidents"), await client.GetAsync("/nowhere") })
        {
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
            Assert.Equal("default-src 'none'; frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        }
    }

    [Fact]
    public async Task The_openapi_document_describes_every_incident_command()
    {
        var client = fixture.Factory.CreateClient();

        var document = await (await client.GetAsync("/openapi/v1.json")).JsonAsync();

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/incidents", paths);
        Assert.Contains("/api/incidents/{id}/timeline", paths);
        Assert.Contains("/api/incidents/{id}/statements/{statementId}/approve", paths);
        Assert.True(paths.Count(p => p.StartsWith("/api/incidents/{id}/", StringComparison.Ordinal)) >= 20);
    }

    [Fact]
    public async Task Runbooks_are_served_with_their_steps_deadlines_and_sources()
    {
        var staff = await fixture.Factory.ClientForAsync("alice", Role.Staff);

        var runbooks = (await (await staff.GetAsync("/api/runbooks")).JsonAsync()).AsArray();

        Assert.Equal(5, runbooks.Count);
        var takeover = runbooks.Single(r => r!["kind"]!.GetValue<string>() == "account-takeover")!;
        var rotate = takeover["steps"]!.AsArray().Single(s => s!["key"]!.GetValue<string>() == "rotate-password")!;
        Assert.Equal("00:30:00", rotate["deadline"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_users_cli_prints_only_a_working_token_on_stdout()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exit = await UsersCli.RunAsync(["users", "add", "sato", "--role", "ciso", "--role", "security-manager", Database], stdout, stderr);

        Assert.Equal(0, exit);
        var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var token = Assert.Single(lines).Trim();
        Assert.StartsWith("inc_", token);
        var client = fixture.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/incidents")).StatusCode);
    }

    [Fact]
    public async Task The_users_cli_refuses_an_unknown_role_and_lists_the_real_ones()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exit = await UsersCli.RunAsync(["users", "add", "bob", "--role", "mayor", Database], stdout, stderr);

        Assert.NotEqual(0, exit);
        Assert.Equal("", stdout.ToString());
        Assert.Contains("publishing-officer", stderr.ToString());
    }
}
