using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Incidents.Domain.Access;

namespace Incidents.Testing;

/// <summary>
/// Puts an account on the official list the way the guideline has it (000 §6): a department head opens it, the CISO
/// lists it. Account-takeover reports must name such an account.
/// </summary>
public static class OfficialAccountRegistration
{
    public static object OpenBody(string platform, string handle, string url) => new
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

    /// <summary>Registers the account and returns its id.</summary>
    public static async Task<string> RegisterOfficialAccountAsync(
        this ApiFactory factory, string platform = "x", string handle = "@misato_town", string url = "https://x.com/misato_town")
    {
        var head = await factory.ClientForAsync("registry-head", Role.DepartmentHead);
        var ciso = await factory.ClientForAsync("registry-ciso", Role.Ciso);
        var opened = await head.PostAsJsonAsync("/api/accounts", OpenBody(platform, handle, url));
        var body = JsonNode.Parse(await opened.Content.ReadAsStringAsync())!;
        if (!opened.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Opening {platform} {handle} answered {(int)opened.StatusCode}: {body.ToJsonString()}");
        }

        var id = body["id"]!.GetValue<string>();
        using var list = new HttpRequestMessage(HttpMethod.Post, $"/api/accounts/{id}/add-to-public-list");
        list.Headers.TryAddWithoutValidation("If-Match", opened.Headers.ETag!.ToString());
        var listed = await ciso.SendAsync(list);
        if (!listed.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Listing {platform} {handle} answered {(int)listed.StatusCode}: {await listed.Content.ReadAsStringAsync()}");
        }

        return id;
    }
}
