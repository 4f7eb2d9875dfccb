using System.Net;
using Incidents.Domain.Access;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Incidents.Api.Tests.Security;

/// <summary>The headers every answer carries (API, problems, public page, dashboard), and the dashboard's cookie flags.</summary>
public sealed class ResponseHeadersTests(ApiFixture fixture) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Api_answers_and_problems_forbid_sniffing_framing_referrers_features_scripts_and_caching()
    {
        var staff = await fixture.Factory.ClientForAsync("alice", Role.Staff);
        var anonymous = fixture.Factory.CreateClient();

        HttpResponseMessage[] answers =
        [
            await staff.GetAsync("/api/me"),
            await staff.PostJsonAsync("/api/incidents", "{broken"),
            await anonymous.GetAsync("/api/incidents"),
            await anonymous.GetAsync("/api/nothing-here"),
            await staff.PostJsonAsync("/api/me/tokens/rotate", null),
        ];

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized, HttpStatusCode.NotFound, HttpStatusCode.Created], answers.Select(a => a.StatusCode));
        Assert.All(answers, answer =>
        {
            Assert.Equal("nosniff", Header(answer, "X-Content-Type-Options"));
            Assert.Equal("DENY", Header(answer, "X-Frame-Options"));
            Assert.Equal("no-referrer", Header(answer, "Referrer-Policy"));
            Assert.Equal("same-origin", Header(answer, "Cross-Origin-Opener-Policy"));
            Assert.Contains("camera=()", Header(answer, "Permissions-Policy"));
            Assert.Equal("default-src 'none'; frame-ancestors 'none'", Header(answer, "Content-Security-Policy"));
            Assert.True(answer.Headers.CacheControl?.NoStore, $"{answer.StatusCode} may be cached");
        });
    }

    [Fact]
    public async Task Public_answers_may_be_cached_and_read_by_any_site_but_run_no_script()
    {
        var anonymous = fixture.Factory.CreateClient();

        var json = await anonymous.GetAsync("/api/public/official-accounts");
        var page = await anonymous.GetAsync("/official-accounts");

        Assert.Equal("public, max-age=60", json.Headers.CacheControl?.ToString());
        Assert.Equal("*", Header(json, "Access-Control-Allow-Origin"));
        Assert.Contains("X-Total-Count", Header(json, "Access-Control-Expose-Headers"));
        Assert.Equal("nosniff", Header(json, "X-Content-Type-Options"));
        Assert.StartsWith("default-src 'none'", Header(page, "Content-Security-Policy"));
        Assert.DoesNotContain("script-src", Header(page, "Content-Security-Policy"));
    }

    [Theory]
    [InlineData("https://incidents.town.example", true)]
    [InlineData("http://incidents.town.example", false)]
    [InlineData("https://localhost", false)]
    public async Task Https_answers_tell_browsers_to_keep_to_https_except_on_a_developers_machine(string address, bool strict)
    {
        var client = fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(address) });

        var answer = await client.GetAsync("/health/live");

        Assert.Equal(strict ? "max-age=31536000" : null, answer.Headers.TryGetValues("Strict-Transport-Security", out var values) ? values.Single() : null);
    }

    [Fact]
    public async Task The_session_cookie_is_host_only_secure_http_only_and_lax_and_the_form_cookie_strict()
    {
        var token = (await fixture.Factory.ClientForAsync("sato", Role.Ciso)).DefaultRequestHeaders.Authorization!.Parameter!;
        var browser = DashboardBrowser.Create(fixture.Factory);
        var loginPage = await browser.GetAsync("/dashboard/login");
        var formToken = DashboardBrowser.FormTokenIn(await loginPage.Content.ReadAsStringAsync());

        var login = await browser.PostAsync("/dashboard/login", DashboardBrowser.Form(("token", token), ("__csrf", formToken)));
        var dashboard = await browser.GetAsync("/dashboard");

        var session = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-incidents-session=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("; secure", session);
        Assert.Contains("; httponly", session);
        Assert.Contains("; samesite=lax", session);
        Assert.Contains("; path=/", session);
        Assert.DoesNotContain("domain=", session);
        Assert.DoesNotContain("expires=", session);
        var form = loginPage.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("incidents-csrf=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("; httponly", form);
        Assert.Contains("; samesite=strict", form);
        Assert.Contains("; secure", form);

        var policy = Header(dashboard, "Content-Security-Policy");
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Contains("form-action 'self'", policy);
        Assert.Contains("base-uri 'none'", policy);
        Assert.Equal("no-store", dashboard.Headers.CacheControl?.ToString());
        Assert.Equal("DENY", Header(dashboard, "X-Frame-Options"));
    }

    private static string Header(HttpResponseMessage answer, string name) =>
        answer.Headers.TryGetValues(name, out var values) || answer.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : "";
}
