using System.Net;
using Incidents.Domain.Access;
using Incidents.Testing;

namespace Incidents.Api.Tests;

/// <summary>Helpers for the registry of official accounts, driven through the API like the other helpers.</summary>
public static class AccountCalls
{
    public static object OpenBody(string platform = "x", string handle = "@misato_town", string url = "https://x.com/misato_town") => new
    {
        platform,
        handle,
        url,
        displayName = "美里町公式",
        department = "総務課",
        purpose = "町の魅力と防災情報を届ける",
        content = "イベント、観光、防災・安全安心情報",
        postingSchedule = "平日 9時〜17時、1日1〜3回",
        replyPolicy = "原則として返信・フォローは行いません",
        approvedBy = "総務課長 田中",
        homepageUrl = "https://www.town.misato.example.jp/sns/",
    };

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

    /// <summary>An account opened by a department head and put on the public list by the CISO, as the guideline has it.</summary>
    public static async Task<string> RegisterOfficialAccountAsync(
        this ApiFactory factory, string platform = "x", string handle = "@misato_town", string url = "https://x.com/misato_town")
    {
        var head = await factory.ClientForAsync("registry-head", Role.DepartmentHead);
        var ciso = await factory.ClientForAsync("registry-ciso", Role.Ciso);
        var (id, etag) = await head.OpenAccountAsync(OpenBody(platform, handle, url));
        await ciso.AccountCommandAsync(id, "add-to-public-list", null, etag);
        return id;
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
