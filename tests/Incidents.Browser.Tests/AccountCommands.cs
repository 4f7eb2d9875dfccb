using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Incidents.Browser.Tests;

/// <summary>Commands on the registry of official accounts, as the officers who keep it would send them.</summary>
public static class AccountCommands
{
    public static async Task<JsonNode> AccountCommandAsync(this HttpClient client, string id, string command, object? body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/accounts/{id}/{command}");
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        request.Headers.TryAddWithoutValidation("If-Match", "*");
        var response = await client.SendAsync(request);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(response.IsSuccessStatusCode, $"{command}: {json.ToJsonString()}");
        return json;
    }
}
