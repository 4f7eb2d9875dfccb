using Incidents.Domain.Access;
using Microsoft.Playwright;

namespace Incidents.Browser.Tests;

/// <summary>
/// Markup and script stored as text reach Chromium as text: no dialog opens, no element of theirs enters the page,
/// and the words show as typed, on the dashboard and on the public page of official accounts.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StoredTextTests(BrowserFixture fixture)
{
    private const string Script = "<script>alert('stored-1')</script>";
    private const string Image = "\"><img src=x onerror=alert('stored-2')>";
    private const string Svg = "</textarea><svg onload=alert('stored-3')>";

    private const string Injected =
        "() => document.querySelectorAll('img, svg:not(#timeline):not(.metrics-chart), script:not([src]), [onerror], [onload], [onmouseover], iframe').length";

    [Fact]
    public async Task Script_stored_in_an_incident_shows_as_text_and_runs_nowhere()
    {
        var staff = await fixture.Node.ClientForAsync("alice", Role.Staff);
        var id = await staff.ReportAsync("impersonation", "x", "@stored_markup");
        await staff.CommandAsync(id, "draft-statement", new { kind = "warning", channels = new[] { "homepage" }, text = Svg });
        var head = await fixture.Node.ClientForAsync("hiroshi", Role.DepartmentHead);
        await head.CommandAsync(id, "assign", new { assignee = Image });
        await staff.PostAsync("/api/incidents", System.Net.Http.Json.JsonContent.Create(new
        {
            kind = "impersonation", platform = "x", accountHandle = "@stored_markup", whatWasSeen = Script, department = Image,
        }));
        await ProjectionCatchUp.WaitAsync(fixture.Database.ConnectionString);
        var page = await fixture.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
        await Dashboard.SignInAsync(page, await fixture.TokenForAsync("sato", Role.Ciso));

        await page.GotoAsync($"/dashboard/incidents/{id}");

        await Assertions.Expect(page.Locator("#report-list > li").Nth(1).Locator("blockquote")).ToHaveTextAsync(Script);
        await Assertions.Expect(page.Locator("#statements blockquote")).ToHaveTextAsync(Svg);
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync(Image);
        await page.GotoAsync("/dashboard");
        await Assertions.Expect(page.Locator($"tr[data-incident='{id}']")).ToContainTextAsync(Image);
        await page.GotoAsync($"/dashboard/incidents/{id}");
        Assert.Equal(0, await page.EvaluateAsync<int>(Injected));
        Assert.Empty(dialogs);
    }

    [Fact]
    public async Task Script_stored_in_an_official_account_shows_as_text_on_the_public_page()
    {
        var head = await fixture.Node.ClientForAsync("registry-head", Role.DepartmentHead);
        var ciso = await fixture.Node.ClientForAsync("registry-ciso", Role.Ciso);
        var opened = await head.PostAsync("/api/accounts", System.Net.Http.Json.JsonContent.Create(new
        {
            platform = "youtube", handle = "@stored_markup", url = "https://www.youtube.com/@stored_markup", displayName = "美里町<b>公式</b>",
            department = Image, purpose = Script, content = Svg, postingSchedule = "毎日", replyPolicy = Script, approvedBy = "総務課長",
        }));
        var id = System.Text.Json.Nodes.JsonNode.Parse(await opened.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        await ciso.AccountCommandAsync(id, "add-to-public-list", null);
        var page = await fixture.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };

        await page.GotoAsync($"/official-accounts?platform=x&account={Uri.EscapeDataString(Image)}");

        var account = page.Locator($"article[aria-labelledby='account-{Guid.Parse(id):N}']");
        await Assertions.Expect(account.Locator("h3")).ToHaveTextAsync("美里町<b>公式</b>");
        await Assertions.Expect(account).ToContainTextAsync(Script);
        await Assertions.Expect(account).ToContainTextAsync(Svg);
        Assert.Equal(Image, await page.Locator("#account").InputValueAsync());
        Assert.Equal(0, await page.EvaluateAsync<int>(Injected));
        Assert.Empty(dialogs);
    }
}
