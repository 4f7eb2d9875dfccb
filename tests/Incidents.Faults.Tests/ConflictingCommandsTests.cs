using Xunit.Abstractions;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Incidents.Api.Http;
using Incidents.Api.Incidents.Views;
using Incidents.Domain.Access;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Incidents.State;
using Incidents.Faults.Tests.Support;
using Incidents.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Incidents.Faults.Tests;

/// <summary>
/// A hundred people act on one incident at the same moment, half of them with the ETag they read before anyone acted and
/// half with <c>If-Match: *</c>: each request either applies or is refused with 409/412, and what the store holds is
/// exactly what was acknowledged.
/// </summary>
public sealed class ConflictingCommandsTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Requests = 100;

    private TestDatabase _database = null!;
    private ApiFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("conflicts");
        _factory = new ApiFactory(_database);
        _ = _factory.Server;
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Every_one_of_100_concurrent_drafts_applies_or_is_refused_and_the_stream_holds_exactly_the_applied_ones()
    {
        var staff = await _factory.ClientForAsync("alice", Role.Staff);
        var reported = await staff.PostAsJsonAsync("/api/incidents", new
        {
            kind = "impersonation", platform = "x", accountHandle = "@contested", whatWasSeen = "偽アカウント",
        });
        Assert.Equal(HttpStatusCode.Created, reported.StatusCode);
        var id = JsonNode.Parse(await reported.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        var readBeforeAnyone = reported.Headers.ETag!.Tag;
        var startVersion = Version(readBeforeAnyone);

        using var start = new SemaphoreSlim(0);
        var answers = Enumerable.Range(0, Requests).Select(async i =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/incidents/{id}/draft-statement")
            {
                Content = JsonContent.Create(new { kind = "warning", channels = new[] { "homepage" }, text = TextOf(i) }),
            };
            request.Headers.TryAddWithoutValidation("If-Match", i % 2 == 0 ? readBeforeAnyone : "*");
            await start.WaitAsync();
            using var response = await staff.SendAsync(request);
            return new Answer(i, response.StatusCode, response.Headers.ETag?.Tag, response.Content.Headers.ContentType?.MediaType);
        }).ToList();
        start.Release(Requests);
        var results = await Task.WhenAll(answers);
        output.WriteLine(string.Join(", ", results.GroupBy(a => (a.Request % 2 == 0 ? "stale ETag" : "*", (int)a.Status)).OrderBy(g => g.Key)
            .Select(g => $"{g.Count()} × {g.Key.Item1} → {g.Key.Item2}")));

        Assert.All(results, a => Assert.True(
            a.Status is HttpStatusCode.OK or HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed,
            $"request {a.Request} answered {(int)a.Status}"));
        Assert.All(results.Where(a => a.Status != HttpStatusCode.OK), a => Assert.Equal("application/problem+json", a.MediaType));
        var applied = results.Where(a => a.Status == HttpStatusCode.OK).ToList();
        Assert.NotEmpty(applied);
        Assert.True(applied.Count(a => a.Request % 2 == 0) <= 1, "only one request can win with the ETag everyone read first");

        var stored = await ReadStreamAsync(id);
        var finalVersion = startVersion + applied.Count;
        Assert.Equal(Enumerable.Range(1, (int)finalVersion).Select(v => (long)v), stored.Select(e => e.Version));
        Assert.Equal(finalVersion, await _database.ScalarAsync<long>("select version from streams where stream_id = 'incident-' || $1", id));
        var drafted = stored.Select(e => e.Event).OfType<StatementDrafted>().Select(d => d.Text).ToList();
        Assert.Equal(applied.Select(a => TextOf(a.Request)).Order(), drafted.Order());
        Assert.Equal(applied.Count, applied.Select(a => a.ETag).Distinct().Count());
        Assert.All(applied, a => Assert.InRange(Version(a.ETag!), startVersion + 1, finalVersion));

        var current = await staff.GetAsync($"/api/incidents/{id}");
        Assert.Equal($"\"{finalVersion}\"", current.Headers.ETag!.Tag);
        var folded = IncidentState.Fold(stored.Select(e => e.Event));
        var expected = JsonSerializer.SerializeToNode(
            _factory.Services.GetRequiredService<IncidentViews>().Build(folded, finalVersion, [Role.Staff]), HttpJson.Options);
        Assert.True(
            JsonNode.DeepEquals(expected, JsonNode.Parse(await current.Content.ReadAsStringAsync())),
            "GET shows something other than the fold of the stored events");
        Assert.Equal(finalVersion, await _database.ScalarAsync<long>("select version from incident_summaries where incident_id = $1::uuid", id));
    }

    private static string TextOf(int request) => $"偽アカウントにご注意ください（{request}）";

    private static long Version(string etag) => long.Parse(etag.Trim('"'), System.Globalization.CultureInfo.InvariantCulture);

    private Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(string id) => StoredEvents.ReadAsync(_database.ConnectionString, Guid.Parse(id));

    private sealed record Answer(int Request, HttpStatusCode Status, string? ETag, string? MediaType);
}
