using Incidents.Domain.Access;
using Microsoft.Playwright;

namespace Incidents.Browser.Tests;

/// <summary>In Chromium: an incident that received later reports of the same account, and a duplicate merged into it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class IncidentReportsTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Joined_reports_and_a_merge_show_on_both_incidents_pages()
    {
        var staff = await fixture.Node.ClientForAsync("alice", Role.Staff);
        var colleague = await fixture.Node.ClientForAsync("bob", Role.Staff);
        var head = await fixture.Node.ClientForAsync("hiroshi", Role.DepartmentHead);
        var survivor = await staff.ReportAsync("impersonation", "x", "@merge_fake_a");
        Assert.Equal(survivor, await colleague.ReportAsync("impersonation", "x", "https://x.com/Merge_Fake_A"));
        var duplicate = await staff.ReportAsync("impersonation", "x", "@merge_fake_b");
        await head.CommandAsync(survivor, "merge", new { duplicateId = duplicate, reason = "同じ人物による偽アカウント" });
        await ProjectionCatchUp.WaitAsync(fixture.Database.ConnectionString);
        var page = await fixture.NewPageAsync();
        await Dashboard.SignInAsync(page, await fixture.TokenForAsync("sato", Role.Ciso));

        await page.GotoAsync($"/dashboard/incidents/{survivor}");

        await Assertions.Expect(page.Locator("#reports-title")).ToHaveTextAsync("受け付けた報告（3件）");
        var reports = page.Locator("#report-list > li");
        await Assertions.Expect(reports).ToHaveCountAsync(3);
        await Assertions.Expect(reports.Nth(0)).ToContainTextAsync("最初の報告");
        await Assertions.Expect(reports.Nth(1)).ToContainTextAsync("追加の報告");
        await Assertions.Expect(reports.Nth(1)).ToContainTextAsync("https://x.com/Merge_Fake_A");
        await Assertions.Expect(reports.Nth(2)).ToContainTextAsync("統合したインシデントの報告");
        await Assertions.Expect(reports.Nth(2)).ToContainTextAsync("@merge_fake_b");
        var merged = page.Locator($"#merged-incidents li[data-incident='{duplicate}']");
        await Assertions.Expect(merged).ToContainTextAsync("@merge_fake_b");
        await Assertions.Expect(page.Locator("#steps")).ToBeVisibleAsync();
        await Dashboard.ScreenshotAsync(page, "incident-reports.png");

        await merged.GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForURLAsync($"**/dashboard/incidents/{duplicate}");
        var mergedInto = page.Locator("#merged-into");
        await Assertions.Expect(mergedInto).ToContainTextAsync("統合され、終了しました");
        await Assertions.Expect(mergedInto.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", $"/dashboard/incidents/{survivor}");
        await Assertions.Expect(page.Locator("#facts-title")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Switch to English" }).ClickAsync();
        await Assertions.Expect(page.Locator("#merged-into")).ToContainTextAsync("merged into the following one as a duplicate");
        await Assertions.Expect(page.Locator("#reports-title")).ToHaveTextAsync("Reports received (1)");
    }
}
