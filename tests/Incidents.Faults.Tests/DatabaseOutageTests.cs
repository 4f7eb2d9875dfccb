using Xunit.Abstractions;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Incidents.Domain.Access;
using Incidents.Domain.Incidents.Events;
using Incidents.Faults.Tests.Support;
using Incidents.Testing;

namespace Incidents.Faults.Tests;

/// <summary>PostgreSQL stops under the running service and comes back: the service reports it and recovers by itself.</summary>
public sealed class DatabaseOutageTests(ITestOutputHelper output) : IAsyncLifetime
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

    [Fact]
    public async Task Under_write_load_a_PostgreSQL_restart_answers_only_successes_or_503_problems_loses_nothing_acknowledged_and_heals_by_itself()
    {
        var staff = await _factory.ClientForAsync("alice", Role.Staff);
        staff.Timeout = TimeSpan.FromSeconds(30);
        var client = _factory.CreateClient();
        var answers = new ConcurrentQueue<LoadAnswer>();
        var acknowledged = new ConcurrentQueue<(Guid Id, long Version, string Command, DateTime At)>();
        using var stopLoad = new CancellationTokenSource();
        var load = Enumerable.Range(0, 6).Select(n => Task.Run(() => WriteAsync(staff, n, answers, acknowledged, stopLoad.Token))).ToList();

        await Task.Delay(TimeSpan.FromSeconds(1));
        await _postgres.StopAsync();
        var stoppedAt = DateTime.UtcNow;
        await Task.Delay(TimeSpan.FromSeconds(2));
        await _postgres.StartServerAsync();
        await Eventually(async () => (await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK);
        var recoveredAt = DateTime.UtcNow;
        await Task.Delay(TimeSpan.FromSeconds(2));
        await stopLoad.CancelAsync();
        await Task.WhenAll(load);

        output.WriteLine(string.Join(", ", answers.GroupBy(a => a.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} × {g.Key}")) +
                         $"; slowest {answers.Max(a => a.Took).TotalMilliseconds:F0} ms; {acknowledged.Count} acknowledged");
        Assert.All(answers, a => Assert.True(
            a.Status is >= 200 and < 300 || (a.Status == 503 && a.MediaType == "application/problem+json"),
            $"{a.What} answered {a.Status} {a.MediaType}"));
        Assert.All(answers, a => Assert.True(a.Took < TimeSpan.FromSeconds(15), $"{a.What} took {a.Took}"));
        Assert.Contains(acknowledged, a => a.At < stoppedAt);
        Assert.Contains(acknowledged, a => a.At > recoveredAt);

        var stored = (await StoredEvents.ReadAllAsync(_postgres.ConnectionString("incidents"))).ToLookup(e => e.IncidentId);
        foreach (var (id, version, command, _) in acknowledged)
        {
            var upToAck = stored[id].Where(e => e.Version <= version).Select(e => e.Event).ToList();
            Assert.True(command == "report" ? upToAck.OfType<IncidentReported>().Any() : upToAck.OfType<OfficersReported>().Any(),
                $"{command} of {id}, acknowledged at version {version}, is not stored");
        }
    }

    /// <summary>
    /// One client: reports, and completes the report step of every other incident with the ETag it got. After an answer
    /// that was not a success it drops that incident: the command may have been stored all the same.
    /// </summary>
    private static async Task WriteAsync(
        HttpClient staff, int client, ConcurrentQueue<LoadAnswer> answers, ConcurrentQueue<(Guid, long, string, DateTime)> acknowledged,
        CancellationToken stop)
    {
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var started = Stopwatch.StartNew();
            using var report = await staff.PostAsJsonAsync("/api/incidents", Report($"@load_{client}_{n}"), CancellationToken.None);
            answers.Enqueue(new LoadAnswer("report", (int)report.StatusCode, report.Content.Headers.ContentType?.MediaType, started.Elapsed));
            if (report.StatusCode != HttpStatusCode.Created)
            {
                continue;
            }

            var id = Guid.Parse(JsonNode.Parse(await report.Content.ReadAsStringAsync(CancellationToken.None))!["id"]!.GetValue<string>());
            acknowledged.Enqueue((id, VersionOf(report), "report", DateTime.UtcNow));
            if (n % 2 == 1)
            {
                continue;
            }

            started.Restart();
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/incidents/{id}/report-to-officers")
            {
                Content = JsonContent.Create(new { recipients = new[] { "ciso", "department-head", "general-affairs" } }),
            };
            request.Headers.IfMatch.Add(report.Headers.ETag!);
            using var step = await staff.SendAsync(request, CancellationToken.None);
            answers.Enqueue(new LoadAnswer("report-to-officers", (int)step.StatusCode, step.Content.Headers.ContentType?.MediaType, started.Elapsed));
            if (step.StatusCode == HttpStatusCode.OK)
            {
                acknowledged.Enqueue((id, VersionOf(step), "report-to-officers", DateTime.UtcNow));
            }
        }
    }

    private static long VersionOf(HttpResponseMessage response) =>
        long.Parse(response.Headers.ETag!.Tag.Trim('"'), System.Globalization.CultureInfo.InvariantCulture);

    private sealed record LoadAnswer(string What, int Status, string? MediaType, TimeSpan Took);

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
