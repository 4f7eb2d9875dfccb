using System.Net;
using System.Text.RegularExpressions;
using Incidents.Domain.Access;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace Incidents.Api.Tests;

/// <summary>The dashboard's session, forms and headers, over HTTP (the browser tests drive the same pages in Chromium).</summary>
public sealed partial class DashboardSessionTests(ApiFixture fixture) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Without_a_session_pages_redirect_to_sign_in_and_the_live_script_gets_401()
    {
        var browser = Browser();

        var page = await browser.GetAsync("/dashboard");
        var fragment = new HttpRequestMessage(HttpMethod.Get, "/dashboard");
        fragment.Headers.Add("X-Dashboard-Fragment", "1");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/dashboard/login?ReturnUrl=%2Fdashboard", page.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.SendAsync(fragment)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/dashboard/live")).StatusCode);
    }

    [Fact]
    public async Task Signing_in_needs_the_form_token_and_a_valid_api_token()
    {
        var browser = Browser();
        var token = await TokenAsync("sato", Role.Ciso);

        var withoutFormToken = await browser.PostAsync("/dashboard/login", Form(("token", token)));
        var wrongToken = await browser.PostAsync("/dashboard/login", Form(("token", "inc_wrong"), ("__csrf", await FormTokenAsync(browser, "/dashboard/login"))));
        var signedIn = await SignInAsync(browser, token);

        Assert.Equal(HttpStatusCode.BadRequest, withoutFormToken.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Contains("対応中のインシデント", await signedIn.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Pages_carry_a_content_security_policy_without_unsafe_inline()
    {
        var browser = Browser();
        var page = await SignInAsync(browser, await TokenAsync("sato", Role.Ciso));

        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", policy);
        Assert.Contains("style-src 'self'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.DoesNotContain("style=", await page.Content.ReadAsStringAsync());
        Assert.Equal("nosniff", (await browser.GetAsync("/dashboard/assets/dashboard.js")).Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task A_dashboard_session_does_not_authenticate_the_api()
    {
        var browser = Browser();
        await SignInAsync(browser, await TokenAsync("sato", Role.Ciso));

        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/incidents")).StatusCode);
    }

    [Fact]
    public async Task Revoking_the_token_ends_the_session_at_the_next_request()
    {
        var browser = Browser();
        await SignInAsync(browser, await TokenAsync("sato", Role.Ciso));

        await using (var connection = new NpgsqlConnection(fixture.Database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var revoke = new NpgsqlCommand("update api_tokens set revoked_at = now()", connection);
            await revoke.ExecuteNonQueryAsync();
        }

        var after = await browser.GetAsync("/dashboard");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/dashboard/login", after.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task A_dashboard_action_follows_the_api_rules_and_a_refusal_writes_nothing()
    {
        var staffApi = await fixture.Factory.ClientForAsync("alice", Role.Staff);
        var (id, _) = await staffApi.ReportAsync();
        var browser = Browser();
        await SignInAsync(browser, await TokenAsync("alice", Role.Staff));
        var before = await RowCounts.TakeAsync(fixture.Database);
        var formToken = await FormTokenAsync(browser, $"/dashboard/incidents/{id}");

        var forbidden = await browser.PostAsync($"/dashboard/incidents/{id}/acknowledge", Form(("__csrf", formToken), ("version", "5")));
        var stale = await browser.PostAsync($"/dashboard/incidents/{id}/request-takedown", Form(("__csrf", formToken), ("version", "4")));
        var forged = await browser.PostAsync($"/dashboard/incidents/{id}/request-takedown", Form(("version", "5")));

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Contains("他の人が先に更新しました", await stale.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(before, await RowCounts.TakeAsync(fixture.Database));

        var done = await browser.PostAsync($"/dashboard/incidents/{id}/request-takedown", Form(("__csrf", formToken), ("version", "5")));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("completed", (await staffApi.GetIncidentAsync(id)).Incident.StepStatus("request-takedown"));
    }

    private HttpClient Browser() =>
        fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"),
            AllowAutoRedirect = false,
            HandleCookies = true,
        });

    private async Task<string> TokenAsync(string name, Role role)
    {
        var client = await fixture.Factory.ClientForAsync(name, role);
        return client.DefaultRequestHeaders.Authorization!.Parameter!;
    }

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string token)
    {
        var response = await browser.PostAsync("/dashboard/login", Form(("token", token), ("__csrf", await FormTokenAsync(browser, "/dashboard/login"))));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await browser.GetAsync(response.Headers.Location!.ToString());
    }

    private static async Task<string> FormTokenAsync(HttpClient browser, string path)
    {
        var html = await browser.GetStringAsync(path);
        return FormTokenField().Match(html).Groups[1].Value;
    }

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    [GeneratedRegex("name=\"__csrf\" value=\"([^\"]+)\"")]
    private static partial Regex FormTokenField();
}
