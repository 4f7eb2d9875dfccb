using Microsoft.Playwright;

namespace Incidents.Browser.Tests;

/// <summary>What a person does in the dashboard, step by step.</summary>
public static class Dashboard
{
    public static async Task SignInAsync(IPage page, string token)
    {
        await page.GotoAsync("/dashboard");
        await page.GetByLabel("APIトークン").FillAsync(token);
        await page.GetByRole(AriaRole.Button, new() { Name = "ログイン" }).ClickAsync();
        await page.WaitForURLAsync("**/dashboard");
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, name), FullPage = true });
}
