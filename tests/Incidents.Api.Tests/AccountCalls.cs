using System.Net;
using Incidents.Domain.Access;
using Incidents.Testing;

namespace Incidents.Api.Tests;

/// <summary>Helpers for the registry of official accounts, driven through the API like the other helpers.</summary>
public static class AccountCalls
{
    public static object OpenBody(string platform = "x", string handle = "@misato_town", string url = "https://x.com/misato_town") =>
        OfficialAccountRegistration.OpenBody(platform, handle, url);

    /// <summary>Opens an account as a department head and returns its id and ETag.</summary>
    public static async Task<(string Id, string ETag)> OpenAccountAsync(this HttpClient head, object? body = null)
    {
        var response = await head.PostJsonAsync("/api/accounts", body ?? OpenBody());
        var json = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"opening answered {(int)response.StatusCode}: {json.ToJsonString()}");
        return (json["id"]!.GetValue<string>(), response.ETag());
    }

    /// <summary>
    /// Registers the Instagram account that <see cref="ApiCalls.TakeoverReport"/> names, unless it already is: a
    /// takeover report must name one of our accounts.
    /// </summary>
    public static async Task EnsureTakeoverAccountAsync(this ApiFactory factory)
    {
        var check = await (await factory.CreateClient()
            .GetAsync("/api/public/official-accounts/check?platform=instagram&handle=%40misato_town_official")).JsonAsync();
        if (check["status"]?.GetValue<string>() != "official")
        {
            await factory.RegisterOfficialAccountAsync("instagram", "@misato_town_official", "https://www.instagram.com/misato_town_official");
        }
    }

    public static async Task<(string ETag, System.Text.Json.Nodes.JsonNode Account)> AccountCommandAsync(
        this HttpClient client, string id, string command, object? body, string etag)
    {
        var response = await client.PostJsonAsync($"/api/accounts/{id}/{command}", body, etag);
        var json = await response.JsonAsync();
        Assert.True(response.IsSuccessStatusCode, $"{command} answered {(int)response.StatusCode}: {json.ToJsonString()}");
        return (response.ETag(), json);
    }

    public static async Task<(string ETag, System.Text.Json.Nodes.JsonNode Account)> GetAccountAsync(this HttpClient client, string id)
    {
        var response = await client.GetAsync($"/api/accounts/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (response.ETag(), await response.JsonAsync());
    }
}
