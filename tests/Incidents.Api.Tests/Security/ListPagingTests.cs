using System.Net;
using System.Text.Json.Nodes;
using Incidents.Api.Access;
using Incidents.Api.Access.Matrix;
using Incidents.Domain.Access;
using Microsoft.Extensions.DependencyInjection;

namespace Incidents.Api.Tests.Security;

/// <summary>Every list the API answers is paged and capped, so no request can ask for everything at once.</summary>
public sealed class ListPagingTests(ApiFixture fixture) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    /// <summary>Lists whose length the code fixes (five runbooks, a runbook's templates), not the data.</summary>
    private static readonly string[] BoundedByCode = ["/api/runbooks", "/api/incidents/{id}/statement-templates"];

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Every_list_endpoint_refuses_a_page_size_over_its_cap()
    {
        var world = await MatrixWorld.CreateAsync(fixture.Factory);
        var client = await EveryRoleAsync();
        var lists = new List<string>();

        foreach (var rule in AuthorizationMatrix.Rules.Where(r => r is { Method: "GET", IsDashboard: false } && !BoundedByCode.Contains(r.Route)))
        {
            using var request = await world.RequestAsync(rule, "");
            var answer = await client.GetAsync(request.RequestUri);
            if (answer.Content.Headers.ContentType?.MediaType != "application/json" || !IsList(JsonNode.Parse(await answer.Content.ReadAsStringAsync())))
            {
                continue;
            }

            lists.Add(rule.Route);
            var separator = request.RequestUri!.OriginalString.Contains('?', StringComparison.Ordinal) ? "&" : "?";
            foreach (var query in new[] { "pageSize=1000", "pageSize=0", "page=0", "page=-1", "pageSize=ten" })
            {
                var refused = await client.GetAsync(request.RequestUri.OriginalString + separator + query);
                Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, $"{rule.Route}?{query} answered {(int)refused.StatusCode}");
                await refused.AssertProblemAsync(HttpStatusCode.BadRequest);
            }
        }

        Assert.Equal(
            [
                "/api/accounts", "/api/accounts/{id}/timeline", "/api/admin/users", "/api/audit", "/api/incidents", "/api/incidents/{id}/timeline",
                "/api/me/tokens", "/api/projections", "/api/public/official-accounts", "/api/webhooks",
            ],
            lists.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_page_carries_the_total_and_links_to_its_neighbours()
    {
        var admin = await fixture.Factory.ClientForAsync("root", Role.Admin);
        var users = fixture.Factory.Services.GetRequiredService<UserStore>();
        for (var i = 0; i < 4; i++)
        {
            await users.CreateAsync($"user-{i}", [Role.Staff], null, CancellationToken.None);
        }

        var first = await admin.GetAsync("/api/admin/users?pageSize=2");
        var last = await admin.GetAsync("/api/admin/users?page=3&pageSize=2");
        var beyond = await admin.GetAsync("/api/admin/users?page=9&pageSize=2");

        Assert.Equal(2, (await first.JsonAsync()).AsArray().Count);
        Assert.Equal("5", first.Headers.GetValues("X-Total-Count").Single());
        Assert.Equal("</api/admin/users?page=2&pageSize=2>; rel=\"next\"", first.Headers.GetValues("Link").Single());
        Assert.Single((await last.JsonAsync()).AsArray());
        Assert.Equal("</api/admin/users?page=2&pageSize=2>; rel=\"prev\"", last.Headers.GetValues("Link").Single());
        Assert.Empty((await beyond.JsonAsync()).AsArray());
    }

    private async Task<HttpClient> EveryRoleAsync() => await fixture.Factory.ClientForAsync("everyone", Enum.GetValues<Role>());

    private static bool IsList(JsonNode? answer) => answer is JsonArray || answer is JsonObject o && o["items"] is JsonArray;
}
