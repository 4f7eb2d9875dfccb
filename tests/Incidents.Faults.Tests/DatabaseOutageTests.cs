using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Incidents.Domain.Access;
using Incidents.Testing;

namespace Incidents.Faults.Tests;

/// <summary>PostgreSQL stops under the running service and comes back: the service reports it and recovers by itself.</summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private PostgresInstance _postgres = null!;
    private ApiFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _postgres = await PostgresInstance.StartAsync();
        await _postgres.CreateDatabaseAsync("incidents");
        _factory = new ApiFactory(_postgres.ConnectionString("incidents"));
        _ = _factory.Server;
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _postgres.DisposeAsync();
    }

    [Fact]
    public async Task Readiness_goes_down_and_back_up_requests_in_between_get_503_problems_and_nothing_acknowledged_is_lost()
    {
        var staff = await _factory.ClientForAsync("alice", Role.Staff);
        var client = _factory.CreateClient();
        var acknowledged = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            acknowledged.Add(await ReportAsync(staff, $"@before{i}") ?? throw new InvalidOperationException("report failed before the outage"));
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        await _postgres.StopAsync();

        var notReady = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var started = DateTime.UtcNow;
        var duringOutage = await staff.PostAsJsonAsync("/api/incidents", Report("@during"));
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(15), "a request during the outage must not hang");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, duringOutage.StatusCode);
        Assert.Equal("application/problem+json", duringOutage.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(duringOutage.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await staff.GetAsync("/api/incidents")).StatusCode);

        await _postgres.StartServerAsync();

        await Eventually(async () => (await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK);
        for (var i = 0; i < 5; i++)
        {
            acknowledged.Add(await ReportAsync(staff, $"@after{i}") ?? throw new InvalidOperationException("report failed after the outage"));
        }

        foreach (var id in acknowledged)
        {
            Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/api/incidents/{id}")).StatusCode);
        }

        var list = JsonNode.Parse(await staff.GetStringAsync("/api/incidents?pageSize=100"))!;
        Assert.Equal(acknowledged.Count, list["total"]!.GetValue<int>());
    }

    private static object Report(string handle) => new
    {
        kind = "impersonation", platform = "x", accountHandle = handle, whatWasSeen = "偽アカウント",
    };

    private static async Task<string?> ReportAsync(HttpClient staff, string handle)
    {
        var response = await staff.PostAsJsonAsync("/api/incidents", Report(handle));
        return response.StatusCode == HttpStatusCode.Created
            ? JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<string>()
            : null;
    }

    /// <summary>Recovery takes as long as PostgreSQL's start-up and the pool's reconnection: wait for it, within bounds.</summary>
    private static async Task Eventually(Func<Task<bool>> condition)
    {
        var giveUp = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < giveUp, "the service did not recover within 30 seconds");
            await Task.Delay(200);
        }
    }
}
