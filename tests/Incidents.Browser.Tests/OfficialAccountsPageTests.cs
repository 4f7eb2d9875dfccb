using Incidents.Domain.Access;
using Microsoft.Playwright;

namespace Incidents.Browser.Tests;

/// <summary>The public page of official accounts in Chromium: the list, and its check form for anyone, in Japanese and English.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OfficialAccountsPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_page_lists_our_accounts_and_its_form_tells_official_formerly_official_and_not_ours()
    {
        await fixture.Node.RegisterOfficialAccountAsync("instagram", "@misato_page_listed", "https://www.instagram.com/misato_page_listed");
        var closed = await fixture.Node.RegisterOfficialAccountAsync("x", "@misato_page_closed", "https://x.com/misato_page_closed");
        var ciso = await fixture.Node.ClientForAsync("page-ciso", Role.Ciso);
        await ciso.AccountCommandAsync(closed, "close-now", new { threat = "不正ログイン" });
        var closedOn = fixture.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(9)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var page = await fixture.NewPageAsync();

        await page.GotoAsync("/official-accounts");

        Assert.Equal("ja", await page.GetAttributeAsync("html", "lang"));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("公式ソーシャルメディアアカウント一覧");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Official social media accounts");
        var list = page.Locator("ul.accounts");
        await Assertions.Expect(list).ToContainTextAsync("@misato_page_listed");
        await Assertions.Expect(list).Not.ToContainTextAsync("@misato_page_closed");

        await CheckAsync(page, "instagram", "@misato_page_listed");
        var official = page.Locator(".result-official");
        await Assertions.Expect(official).ToContainTextAsync("このアカウントは町の公式アカウントです");
        await Assertions.Expect(official).ToContainTextAsync("This is an official account of the town");
        await Assertions.Expect(official.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", "https://www.instagram.com/misato_page_listed");

        await CheckAsync(page, "x", "＠Misato_Page_Closed");
        var former = page.Locator(".result-formerly-official");
        await Assertions.Expect(former).ToContainTextAsync($"{closedOn}に廃止しました");
        await Assertions.Expect(former).ToContainTextAsync($"until it was closed on {closedOn}");

        await CheckAsync(page, "", "https://x.com/not_the_town");
        var stranger = page.Locator(".result-not-ours");
        await Assertions.Expect(stranger).ToContainTextAsync("町の公式アカウントではありません");
        await Assertions.Expect(stranger).ToContainTextAsync("This is not an official account of the town");
        await Dashboard.ScreenshotAsync(page, "official-accounts.png");

        await CheckAsync(page, "", "https://bit.ly/3misato");
        var refused = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(refused).ToContainTextAsync("短縮URLはリンク先を隠すため確認できません");
        await Assertions.Expect(refused).ToContainTextAsync("bit.ly is a URL shortener");
        await Assertions.Expect(page.Locator("#account")).ToHaveValueAsync("https://bit.ly/3misato");
        await Dashboard.ScreenshotAsync(page, "official-accounts-shortener.png");
    }

    private static async Task CheckAsync(IPage page, string platform, string account)
    {
        await page.Locator("#platform").SelectOptionAsync(platform);
        await page.Locator("#account").FillAsync(account);
        // The form is a plain GET: wait for the answer to that navigation (a load-state wait right after the click can
        // look at the old document or miss the new one's event). The assertions that follow wait for the new page.
        await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "確認する" }).ClickAsync(),
            response => response.Request.IsNavigationRequest && response.Url.Contains("/official-accounts", StringComparison.Ordinal));
    }
}
