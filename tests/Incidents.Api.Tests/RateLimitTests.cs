using System.Net;
using Incidents.Domain.Access;
using Incidents.Testing;

namespace Incidents.Api.Tests;

/// <summary>Its own service with tight limits: 3 writes in a burst per token, refilled one a minute.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private ApiFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("limits");
        _factory = new ApiFactory(_database, settings: new Dictionary<string, string>
        {
            ["RateLimits:Enabled"] = "true",
            ["RateLimits:TokenWritesPerMinute"] = "1",
            ["RateLimits:TokenBurst"] = "3",
        });
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Writes_past_the_token_burst_get_429_with_retry_after_while_reads_and_other_tokens_go_on()
    {
        var alice = await _factory.ClientForAsync("alice", Role.Staff);
        var bob = await _factory.ClientForAsync("bob", Role.Staff);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await alice.PostJsonAsync("/api/incidents", ApiCalls.ImpersonationReport($"@f{i}"))).StatusCode);
        }

        var limited = await alice.PostJsonAsync("/api/incidents", ApiCalls.ImpersonationReport("@again"));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], statuses);
        await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync("/api/incidents")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await bob.PostJsonAsync("/api/incidents", ApiCalls.ImpersonationReport("@bob"))).StatusCode);
        Assert.Equal(4, await _database.CountAsync("streams"));
    }
}
