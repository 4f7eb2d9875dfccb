using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Incidents.Api.Tests;

/// <summary>Small helpers for driving the API the way a client would.</summary>
public static class ApiCalls
{
    public static object ImpersonationReport(string handle = "@fake_misato_town") => new
    {
        kind = "impersonation",
        platform = "x",
        accountHandle = handle,
        accountUrl = $"https://x.com/{handle.TrimStart('@')}",
        whatWasSeen = "町の公式アカウントを装ったアカウントが、ロゴを使って給付金の案内を投稿している",
        evidenceUrls = new[] { $"https://x.com/{handle.TrimStart('@')}/status/1" },
        reporterContact = "内線 1234",
    };

    public static object TakeoverReport() => new
    {
        kind = "account-takeover",
        platform = "instagram",
        accountHandle = "@misato_town_official",
        accountUrl = "https://www.instagram.com/misato_town_official",
        whatWasSeen = "公式アカウントから身に覚えのない投稿が3件",
    };

    public static async Task<HttpResponseMessage> PostJsonAsync(
        this HttpClient client, string url, object? body, string? ifMatch = null, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url);
        if (body is not null)
        {
            request.Content = body is string raw
                ? new StringContent(raw, Encoding.UTF8, "application/json")
                : JsonContent.Create(body);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        }

        return await client.SendAsync(request);
    }

    /// <summary>Reports an incident and returns its id and ETag.</summary>
    public static async Task<(string Id, string ETag)> ReportAsync(this HttpClient client, object? body = null)
    {
        var response = await client.PostJsonAsync("/api/incidents", body ?? ImpersonationReport());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await response.JsonAsync();
        return (json["id"]!.GetValue<string>(), response.ETag());
    }

    /// <summary>Runs a command with the given ETag, asserts success, and returns the incident's new ETag and body.</summary>
    public static async Task<(string ETag, JsonNode Incident)> CommandAsync(
        this HttpClient client, string id, string command, object? body, string etag)
    {
        var response = await client.PostJsonAsync($"/api/incidents/{id}/{command}", body, etag);
        var json = await response.JsonAsync();
        Assert.True(response.IsSuccessStatusCode, $"{command} answered {(int)response.StatusCode}: {json.ToJsonString()}");
        return (response.ETag(), json);
    }

    public static async Task<(string ETag, JsonNode Incident)> GetIncidentAsync(this HttpClient client, string id)
    {
        var response = await client.GetAsync($"/api/incidents/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (response.ETag(), await response.JsonAsync());
    }

    public static async Task<JsonNode> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }

    public static string ETag(this HttpResponseMessage response) =>
        response.Headers.ETag?.ToString() ?? throw new InvalidOperationException("The response has no ETag.");

    public static JsonNode Step(this JsonNode incident, string key) =>
        incident["steps"]!.AsArray().Single(s => s!["key"]!.GetValue<string>() == key)!;

    public static string StepStatus(this JsonNode incident, string key) => incident.Step(key)["status"]!.GetValue<string>();

    /// <summary>Asserts an RFC 9457 problem response with the given status, and returns its body.</summary>
    public static async Task<JsonNode> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!;
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(problem["title"]?.GetValue<string>()));
        Assert.False(string.IsNullOrWhiteSpace(problem["detail"]?.GetValue<string>()));
        return problem;
    }

    public static string Serialize(object value) => JsonSerializer.Serialize(value);
}
