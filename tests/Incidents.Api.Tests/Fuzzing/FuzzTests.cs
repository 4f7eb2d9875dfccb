using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Incidents.Api.Access.Matrix;
using Incidents.Api.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;

namespace Incidents.Api.Tests.Fuzzing;

/// <summary>
/// Over ten thousand generated malformed and hostile requests, interleaved with valid ones, to every write endpoint:
/// none may answer 5xx, every refusal is problem JSON, and the database ends up holding exactly what the accepted
/// requests wrote: no event, user, token, webhook or idempotency key from a refused request, no secret anywhere,
/// and hostile text that was accepted stored exactly as sent.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Seed = 20_260_405;
    private const int Workers = 4;
    private const int CasesPerWorker = 2_600;

    private TestDatabase _database = null!;
    private ApiFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("fuzz");
        _factory = new ApiFactory(_database, new ManualTimeProvider(), new Dictionary<string, string>
        {
            ["Deadlines:Workers"] = "0",
            ["Notifications:WebhookTimeout"] = "00:00:01",
            ["Notifications:ImmediateRetries"] = "0",
        });
        _ = _factory.Server;
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Hostile_requests_to_every_write_endpoint_get_problems_never_5xx_and_leave_only_what_valid_requests_wrote()
    {
        var routes = WriteRoutes();
        Assert.Equal(WriteTemplates.Bodies.Keys.Order(StringComparer.Ordinal), routes);
        var worlds = new List<FuzzWorld>();
        for (var worker = 0; worker < Workers; worker++)
        {
            worlds.Add(await FuzzWorld.CreateAsync(_factory, worker));
        }

        var before = await CountsAsync();
        var ledger = new FuzzLedger();
        var clock = Stopwatch.StartNew();

        await Task.WhenAll(worlds.Select(world => RunAsync(world, new FuzzGenerator(Seed + world.Worker, world, routes), ledger)));

        output.WriteLine($"{ledger.Cases} cases over {routes.Count} write endpoints in {clock.Elapsed.TotalSeconds:F1} s; {ledger.Accepted.Count} accepted");
        foreach (var (key, count) in ledger.Statuses.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {key}: {count}");
        }

        Assert.True(ledger.Failures.Count == 0, $"{ledger.Failures.Count} failures:\n" + string.Join("\n", ledger.Failures.Take(60)));
        Assert.True(ledger.Cases >= 10_000, $"only {ledger.Cases} cases ran");
        await AssertOnlyAcceptedWritesAsync(before, ledger, worlds);
    }

    /// <summary>Every POST under /api/ the service maps: a new one fails the test until it has a template.</summary>
    private List<string> WriteRoutes() =>
        _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => AuthorizationMatrixConvention.MethodOf(e) == "POST")
            .Select(e => AuthorizationMatrixConvention.RouteOf(e.RoutePattern))
            .Where(r => r.StartsWith("/api/", StringComparison.Ordinal))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

    private async Task RunAsync(FuzzWorld world, FuzzGenerator generator, FuzzLedger ledger)
    {
        var client = _factory.CreateClient();
        for (var i = 0; i < CasesPerWorker; i++)
        {
            var fuzzCase = generator.Next(i * Workers + world.Worker);
            await SendAsync(client, world, fuzzCase, ledger);
        }
    }

    private static async Task SendAsync(HttpClient client, FuzzWorld world, FuzzCase fuzzCase, FuzzLedger ledger)
    {
        var path = await world.FillAsync(fuzzCase.Path);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative));
        var body = fuzzCase.RawBody ?? (fuzzCase.Body is { } text ? Encoding.UTF8.GetBytes(await world.FillAsync(text)) : null);
        if (body is not null)
        {
            request.Content = fuzzCase.Chunked ? new StreamContent(new MemoryStream(body)) : new ByteArrayContent(body);
            if (fuzzCase.ContentType is { } contentType)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }

            request.Headers.TransferEncodingChunked = fuzzCase.Chunked ? true : null;
        }

        foreach (var (name, value) in fuzzCase.Headers ?? [])
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        request.Headers.TryAddWithoutValidation("X-Correlation-Id", fuzzCase.CorrelationId);
        if (fuzzCase.Authorization is { } authorization)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }
        else
        {
            request.Headers.Authorization = world.AuthorizationFor(fuzzCase.Route);
        }

        using var response = await client.SendAsync(request);
        var status = (int)response.StatusCode;
        var answer = await response.Content.ReadAsStringAsync();
        var json = ParseOrNull(answer);
        if (status >= 500)
        {
            ledger.Fail(fuzzCase, $"answered {status}: {answer[..Math.Min(answer.Length, 300)]}");
        }
        else if (status is < 200 or >= 300)
        {
            var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json" ? json : null;
            if (problem?["status"]?.GetValue<int>() != status || !NonEmpty(problem["title"]) || !NonEmpty(problem["detail"]))
            {
                ledger.Fail(fuzzCase, $"answered {status} without a complete problem: {response.Content.Headers.ContentType} {answer[..Math.Min(answer.Length, 200)]}");
            }

            if (status == 401 && fuzzCase.Authorization is null)
            {
                ledger.Fail(fuzzCase, "a valid token was refused");
            }
        }
        else if (fuzzCase.Expect == Expectation.Refused)
        {
            ledger.Fail(fuzzCase, $"must be refused, answered {status}: {answer[..Math.Min(answer.Length, 200)]}");
        }

        ledger.Record(fuzzCase, path, status, json);
        if (fuzzCase.Route == "/api/me/tokens/rotate" && status == 201)
        {
            world.MeToken = json!["token"]!.GetValue<string>();
        }
    }

    private async Task AssertOnlyAcceptedWritesAsync(Counts before, FuzzLedger ledger, IReadOnlyList<FuzzWorld> worlds)
    {
        await using var source = _database.CreateDataSource();
        var after = await CountsAsync();

        var eventCases = await ListAsync<string>(source, "select distinct metadata->>'correlationId' from events where metadata->>'correlationId' like 'fuzz-%'");
        var fromRefused = eventCases.Where(c => !ledger.Accepted.ContainsKey(int.Parse(c["fuzz-".Length..], System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.True(fromRefused.Count == 0, "events were written by refused requests: " + string.Join(", ", fromRefused.Take(20)));
        Assert.Equal(0L, await _database.QueryCountAsync(
            "select count(*) from events where coalesce(metadata->>'actorId', '') = '' or coalesce(metadata->>'actorRole', '') = ''"));

        Assert.Equal(before.Users + ledger.UsersCreated + worlds.Sum(w => w.UsersCreated), after.Users);
        Assert.Equal(before.Tokens + ledger.TokensIssued + worlds.Sum(w => w.TokensIssued), after.Tokens);
        Assert.Equal(before.RevokedTokens + ledger.TokensRevoked, after.RevokedTokens);
        Assert.Equal(before.DisabledUsers + ledger.UsersDisabled, after.DisabledUsers);
        Assert.Equal(before.Webhooks + ledger.WebhooksCreated, after.Webhooks);
        Assert.Equal(before.DisabledWebhooks + ledger.WebhooksDisabled, after.DisabledWebhooks);

        var acceptedKeys = ledger.Accepted.Values.SelectMany(c => c.Headers ?? []).Where(h => h.Key == "Idempotency-Key").Select(h => h.Value).ToHashSet(StringComparer.Ordinal);
        var storedKeys = await ListAsync<string>(source, "select key from idempotency_keys");
        Assert.All(storedKeys, key => Assert.Contains(key, acceptedKeys));
        var keyedWrites = ledger.Accepted.Values
            .Where(c => eventCases.Contains(c.CorrelationId) && (c.Headers ?? []).Any(h => h.Value == $"fuzz-key-{c.Index}"))
            .Select(c => $"fuzz-key-{c.Index}");
        Assert.All(keyedWrites, key => Assert.Contains(key, storedKeys));

        var secretsStored = await TableText.FindAsync(_database, ["fuzz-secret-"]);
        Assert.True(secretsStored.Count == 0, "refused secrets are stored in " + string.Join(", ", secretsStored));

        var probes = ledger.Accepted.Values.Where(c => c.Probe is not null).ToList();
        var stored = await ListAsync<(string, string)>(source,
            "select metadata->>'correlationId', data::text from events where metadata->>'correlationId' = any($1)",
            (object)probes.Select(p => p.CorrelationId).ToArray());
        foreach (var probe in probes)
        {
            var texts = stored.Where(s => s.Item1 == probe.CorrelationId).SelectMany(s => Strings(JsonNode.Parse(s.Item2)));
            Assert.True(texts.Contains(probe.Probe, StringComparer.Ordinal), $"{probe}: the accepted text {JsonSerializer.Serialize(probe.Probe)} is not stored exactly");
        }

        output.WriteLine($"checked: {eventCases.Count} accepted cases wrote events, {probes.Count} hostile texts stored exactly, {storedKeys.Count} idempotency keys");
    }

    private sealed record Counts(long Users, long Tokens, long RevokedTokens, long DisabledUsers, long Webhooks, long DisabledWebhooks);

    private async Task<Counts> CountsAsync() => new(
        await _database.QueryCountAsync("select count(*) from users"),
        await _database.QueryCountAsync("select count(*) from api_tokens"),
        await _database.QueryCountAsync("select count(*) from api_tokens where revoked_at is not null"),
        await _database.QueryCountAsync("select count(*) from users where disabled_at is not null"),
        await _database.QueryCountAsync("select count(*) from webhook_subscriptions"),
        await _database.QueryCountAsync("select count(*) from webhook_subscriptions where disabled_at is not null"));

    private static async Task<List<T>> ListAsync<T>(NpgsqlDataSource source, string sql, params object[] parameters)
    {
        await using var command = source.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(typeof(T) == typeof(string)
                ? (T)(object)reader.GetString(0)
                : (T)(object)(reader.GetString(0), reader.GetString(1)));
        }

        return rows;
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => [v.GetValue<string>()],
        _ => [],
    };

    private static JsonNode? ParseOrNull(string text)
    {
        try
        {
            return text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool NonEmpty(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Length > 0;
}
