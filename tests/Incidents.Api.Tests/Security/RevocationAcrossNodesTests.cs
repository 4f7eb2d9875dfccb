using System.Net;
using Incidents.Domain.Access;

namespace Incidents.Api.Tests.Security;

/// <summary>Two nodes on one database: a token revoked or rotated through one stops working on the other at once.</summary>
public sealed class RevocationAcrossNodesTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private ApiFactory _first = null!;
    private ApiFactory _second = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("revocation");
        _first = new ApiFactory(_database);
        _ = _first.Server;
        _second = new ApiFactory(_database);
        _ = _second.Server;
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_token_revoked_on_one_node_is_refused_by_the_other_at_once_and_ends_its_dashboard_session()
    {
        var onFirst = await _first.ClientForAsync("alice", Role.Staff);
        var token = onFirst.DefaultRequestHeaders.Authorization!.Parameter!;
        var onSecond = _second.CreateClient();
        onSecond.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var browser = DashboardBrowser.Create(_second);
        await browser.SignInAsync(token);
        Assert.Equal(HttpStatusCode.OK, (await onSecond.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/dashboard")).StatusCode);

        var tokenId = (await (await onFirst.GetAsync("/api/me/tokens")).JsonAsync())[0]!["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.NoContent, (await onFirst.PostJsonAsync($"/api/me/tokens/{tokenId}/revoke", null)).StatusCode);

        await (await onSecond.GetAsync("/api/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        var page = await browser.GetAsync("/dashboard");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/dashboard/login", page.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task A_token_rotated_on_one_node_is_refused_by_the_other_and_its_successor_works_on_both()
    {
        var onFirst = await _first.ClientForAsync("bob", Role.Staff);
        var onSecond = _second.CreateClient();
        onSecond.DefaultRequestHeaders.Authorization = onFirst.DefaultRequestHeaders.Authorization;

        var rotated = (await (await onFirst.PostJsonAsync("/api/me/tokens/rotate", null)).JsonAsync())["token"]!.GetValue<string>();

        await (await onSecond.GetAsync("/api/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        onSecond.DefaultRequestHeaders.Authorization = new("Bearer", rotated);
        onFirst.DefaultRequestHeaders.Authorization = new("Bearer", rotated);
        Assert.Equal(HttpStatusCode.OK, (await onSecond.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await onFirst.GetAsync("/api/me")).StatusCode);
    }
}
