using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Incidents.Projections.Tests;

/// <summary>Drives the API as a client would.</summary>
public static class Http
{
    public static async Task<(string Id, string ETag)> ReportAsync(this HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/incidents", body);
        var json = await response.JsonAsync();
        Assert.True(response.IsSuccessStatusCode, json.ToJsonString());
        return (json["id"]!.GetValue<string>(), response.Headers.ETag!.ToString());
    }

    public static async Task<(string ETag, JsonNode Incident)> CommandAsync(this HttpClient client, string id, string command, object? body, string etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/incidents/{id}/{command}");
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        request.Headers.TryAddWithoutValidation("If-Match", etag);
        var response = await client.SendAsync(request);
        var json = await response.JsonAsync();
        Assert.True(response.IsSuccessStatusCode, $"{command} answered {(int)response.StatusCode}: {json.ToJsonString()}");
        return (response.Headers.ETag!.ToString(), json);
    }

    public static async Task<HttpResponseMessage> PostAsync(this HttpClient client, string url) =>
        await client.PostAsync(url, null);

    public static async Task<JsonNode> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }

    public static object Impersonation(string handle) => new
    {
        kind = "impersonation",
        platform = "x",
        accountHandle = handle,
        accountUrl = $"https://x.com/{handle.TrimStart('@')}",
        whatWasSeen = "町の公式アカウントを装ったアカウントが給付金の案内を投稿している",
    };

    public static object Takeover(string handle) => new
    {
        kind = "account-takeover",
        platform = "instagram",
        accountHandle = handle,
        accountUrl = $"https://www.instagram.com/{handle.TrimStart('@')}",
        whatWasSeen = "公式アカウントから身に覚えのない投稿",
    };

    public static object Backlash(string handle) => new
    {
        kind = "backlash", platform = "facebook", accountHandle = handle, whatWasSeen = "イベント告知への批判が殺到",
    };
}
