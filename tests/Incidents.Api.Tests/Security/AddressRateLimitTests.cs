using System.Globalization;
using System.Net;
using Incidents.Domain.Access;

namespace Incidents.Api.Tests.Security;

/// <summary>Its own service with tight limits: per address (3 writes, whatever the token), and per dashboard session.</summary>
public sealed class AddressRateLimitTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private ApiFactory _addressLimited = null!;
    private ApiFactory _sessionLimited = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("address-limits");
        _addressLimited = new ApiFactory(_database, settings: new Dictionary<string, string>
        {
            ["RateLimits:Enabled"] = "true",
            ["RateLimits:AddressWritesPerMinute"] = "1",
            ["RateLimits:AddressBurst"] = "3",
        });
        _sessionLimited = new ApiFactory(_database, settings: new Dictionary<string, string>
        {
            ["RateLimits:Enabled"] = "true",
            ["RateLimits:TokenWritesPerMinute"] = "1",
            ["RateLimits:TokenBurst"] = "2",
        });
    }

    public async Task DisposeAsync()
    {
        await _addressLimited.DisposeAsync();
        await _sessionLimited.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Writes_past_the_address_burst_get_429_with_retry_after_whichever_token_they_carry()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            var staff = await _addressLimited.ClientForAsync($"staff-{i}", Role.Staff);
            statuses.Add((await staff.PostJsonAsync("/api/incidents", ApiCalls.ImpersonationReport($"@address_{i}"))).StatusCode);
        }

        var another = await _addressLimited.ClientForAsync("staff-3", Role.Staff);
        var limited = await another.PostJsonAsync("/api/incidents", ApiCalls.ImpersonationReport("@address_3"));
        var anonymous = await _addressLimited.CreateClient().PostJsonAsync("/api/incidents", ApiCalls.ImpersonationReport("@address_4"));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created], statuses);
        Assert.Equal("rate-limited", (await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests))["code"]!.GetValue<string>());
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture) >= 1);
        await anonymous.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal(HttpStatusCode.OK, (await another.GetAsync("/api/incidents")).StatusCode);
        Assert.Equal(3, await _database.IncidentStreamsAsync());
    }

    [Fact]
    public async Task A_dashboard_session_has_a_write_limit_of_its_own_like_a_token()
    {
        var api = await _sessionLimited.ClientForAsync("alice", Role.Staff);
        var (id, _) = await api.ReportAsync(ApiCalls.ImpersonationReport("@session_limited"));
        var browser = DashboardBrowser.Create(_sessionLimited);
        var formToken = await browser.SignInAsync(api.DefaultRequestHeaders.Authorization!.Parameter!);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await browser.PostAsync($"/dashboard/incidents/{id}/request-takedown", DashboardBrowser.Form(("__csrf", formToken), ("version", "*")))).StatusCode);
        }

        Assert.NotEqual(HttpStatusCode.TooManyRequests, statuses[0]);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[2]);
        Assert.Equal(HttpStatusCode.Created, (await (await _sessionLimited.ClientForAsync("bob", Role.Staff)).PostJsonAsync("/api/incidents", ApiCalls.ImpersonationReport("@other_token"))).StatusCode);
    }
}
