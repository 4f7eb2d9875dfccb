using System.Diagnostics;
using Incidents.Domain.Access;
using Incidents.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Incidents.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class DashboardTests(BrowserFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Signing_in_with_a_token_opens_the_overview_in_japanese()
    {
        var page = await fixture.NewPageAsync();

        await page.GotoAsync("/dashboard");
        Assert.EndsWith("/dashboard/login?ReturnUrl=%2Fdashboard", page.Url);
        await page.GetByLabel("APIトークン").FillAsync("inc_not-a-real-token");
        await page.GetByRole(AriaRole.Button, new() { Name = "ログイン" }).ClickAsync();
        await Assertions.Expect(page.Locator("#login-error")).ToBeVisibleAsync();
        await Dashboard.SignInAsync(page, await fixture.TokenForAsync("sato", Role.Ciso));

        Assert.Equal("ja", await page.GetAttributeAsync("html", "lang"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("対応中のインシデント");
        var session = (await page.Context.CookiesAsync()).Single(c => c.Name == "__Host-incidents-session");
        Assert.True(session is { Secure: true, HttpOnly: true, SameSite: SameSiteAttribute.Lax });

        await page.GetByRole(AriaRole.Button, new() { Name = "ログアウト" }).ClickAsync();
        await page.WaitForURLAsync("**/dashboard/login");
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "__Host-incidents-session");
    }

    [Fact]
    public async Task A_newly_reported_incident_appears_on_the_overview_without_a_reload()
    {
        var page = await fixture.NewPageAsync();
        await Dashboard.SignInAsync(page, await fixture.TokenForAsync("sato", Role.Ciso));
        await page.EvaluateAsync("() => { window.sameDocument = true; }");
        var staff = await fixture.Node.ClientForAsync("alice", Role.Staff);

        // The first report warms up the path (the runner, the stream, the page); the second is the one timed, from
        // the moment its commit was acknowledged to the moment its row shows.
        var warmUp = await staff.ReportAsync("backlash", "facebook", "@live_warm_up");
        await Assertions.Expect(page.Locator($"tr[data-incident='{warmUp}']")).ToBeVisibleAsync(new() { Timeout = 5000 });
        var id = await staff.ReportAsync("impersonation", "x", "@live_fake_town");
        var clock = Stopwatch.StartNew();
        var row = page.Locator($"tr[data-incident='{id}']");
        await Assertions.Expect(row).ToBeVisibleAsync(new() { Timeout = 5000 });
        var appeared = clock.Elapsed;
        output.WriteLine($"The new incident appeared {appeared.TotalMilliseconds:F0} ms after its commit.");

        Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"), "the page was reloaded");
        await Assertions.Expect(row).ToContainTextAsync("@live_fake_town");
        await Assertions.Expect(page.Locator("#live-status")).ToContainTextAsync("最終更新");
        Assert.True(appeared < TimeSpan.FromSeconds(1), $"appeared {appeared.TotalMilliseconds:F0} ms after its commit");
        await Dashboard.ScreenshotAsync(page, "overview.png");
    }

    [Fact]
    public async Task The_incident_page_draws_the_timeline_with_deadlines_and_escalations()
    {
        var staff = await fixture.Node.ClientForAsync("alice", Role.Staff);
        var head = await fixture.Node.ClientForAsync("hiroshi", Role.DepartmentHead);
        var id = await staff.ReportAsync("impersonation", "x", "@timeline_fake");
        await head.CommandAsync(id, "acknowledge", null);
        await head.CommandAsync(id, "assign", new { assignee = "alice" });
        fixture.Clock.Advance(TimeSpan.FromMinutes(70));
        await Api.EscalateAsync(fixture.Node, id, "report-to-officers", 1);
        fixture.Clock.Advance(TimeSpan.FromMinutes(15));
        await Api.EscalateAsync(fixture.Node, id, "report-to-officers", 2);
        await staff.CommandAsync(id, "report-to-officers", new { recipients = new[] { "ciso", "department-head", "general-affairs" } });
        await staff.CommandAsync(id, "draft-statement", new { kind = "warning", channels = new[] { "homepage", "official-account" }, text = "【注意】町の公式アカウントを装う偽アカウントにご注意ください。" });
        await ProjectionCatchUp.WaitAsync(fixture.Database.ConnectionString);

        var page = await fixture.NewPageAsync();
        await Dashboard.SignInAsync(page, await fixture.TokenForAsync("sato", Role.Ciso));
        await page.GotoAsync($"/dashboard/incidents/{id}");

        var timeline = page.Locator("svg#timeline");
        await Assertions.Expect(timeline).ToBeVisibleAsync();
        var events = (await staff.IncidentAsync(id))["version"]!.GetValue<int>();
        Assert.Equal(events, await timeline.Locator("g.mark").CountAsync());
        Assert.Equal(2, await timeline.Locator("g.lane[data-step='report-to-officers'] g.escalation").CountAsync());
        var lanes = await timeline.Locator("g.lane").CountAsync();
        Assert.Equal(4, lanes);
        Assert.Equal(lanes, await timeline.Locator("g.lane g.deadline").CountAsync() + await timeline.Locator("g.lane text.beyond").CountAsync());
        Assert.Equal(1, await timeline.Locator("g.lane.was-late[data-step='report-to-officers'] rect.late-band").CountAsync());
        await Assertions.Expect(page.Locator("#steps tr[data-step='report-to-officers']")).ToContainTextAsync("完了");
        await Assertions.Expect(page.Locator("#statements")).ToContainTextAsync("承認待ち");
        await Dashboard.ScreenshotAsync(page, "incident.png");
        await page.SetViewportSizeAsync(375, 812);
        Assert.Equal(375, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"));
        Assert.True(await timeline.EvaluateAsync<double>("svg => svg.getBoundingClientRect().width") >= 720, "the timeline keeps a readable size");
        Assert.Equal("0", await page.Locator(".chart").First.GetAttributeAsync("tabindex"));
        await Dashboard.ScreenshotAsync(page, "incident-phone.png");
    }

    [Fact]
    public async Task A_publishing_officer_approves_a_statement_and_its_drafter_cannot()
    {
        var staff = await fixture.Node.ClientForAsync("alice", Role.Staff);
        await fixture.Node.RegisterOfficialAccountAsync("instagram", "@misato_official", "https://www.instagram.com/misato_official");
        var id = await staff.ReportAsync("account-takeover", "instagram", "@misato_official");
        var drafted = await staff.CommandAsync(id, "draft-statement", new { kind = "warning", channels = new[] { "homepage" }, text = "不正ログインによる投稿にご注意ください。" });
        var statement = drafted["statements"]![0]!["id"]!.GetValue<string>();

        var drafter = await fixture.NewPageAsync();
        await Dashboard.SignInAsync(drafter, await fixture.TokenForAsync("alice", Role.Staff));
        await drafter.GotoAsync($"/dashboard/incidents/{id}");
        await Assertions.Expect(drafter.Locator($"[data-statement='{statement}']")).ToBeVisibleAsync();
        Assert.Equal(0, await drafter.Locator($"form#approve-{statement}").CountAsync());

        var officer = await fixture.NewPageAsync();
        await Dashboard.SignInAsync(officer, await fixture.TokenForAsync("yuki", Role.PublishingOfficer));
        await officer.GotoAsync($"/dashboard/incidents/{id}");
        var card = officer.Locator($"[data-statement='{statement}']");
        await Assertions.Expect(card).ToContainTextAsync("承認待ち");
        await card.GetByRole(AriaRole.Button, new() { Name = "承認する" }).ClickAsync();

        await Assertions.Expect(officer.Locator("#action-result")).ToContainTextAsync("記録しました");
        await Assertions.Expect(card).ToContainTextAsync("承認済み");
        await Assertions.Expect(card).ToContainTextAsync("yuki");
        var approved = (await staff.IncidentAsync(id))["statements"]![0]!;
        Assert.Equal("approved", approved["status"]!.GetValue<string>());
        Assert.Equal(await fixture.Node.UserIdAsync("yuki"), approved["approvedBy"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_overdue_step_shows_as_overdue_on_the_overview_and_the_incident()
    {
        var staff = await fixture.Node.ClientForAsync("alice", Role.Staff);
        await fixture.Node.RegisterOfficialAccountAsync("x", "@late_official", "https://x.com/late_official");
        var id = await staff.ReportAsync("account-takeover", "x", "@late_official");
        var page = await fixture.NewPageAsync();
        await Dashboard.SignInAsync(page, await fixture.TokenForAsync("sato", Role.Ciso));
        var row = page.Locator($"tr[data-incident='{id}']");
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(row).Not.ToHaveClassAsync("overdue");

        fixture.Clock.Advance(TimeSpan.FromMinutes(31));
        await page.ReloadAsync();

        await Assertions.Expect(row).ToHaveClassAsync("overdue");
        await Assertions.Expect(row).ToContainTextAsync("期限超過");
        await Assertions.Expect(row).ToContainTextAsync("1分超過");
        await Assertions.Expect(page.Locator("#overdue-queue")).ToContainTextAsync("@late_official");
        await page.Locator($"tr[data-incident='{id}'] a").ClickAsync();
        var step = page.Locator("#steps tr[data-step='rotate-password']");
        await Assertions.Expect(step).ToHaveClassAsync("overdue");
        await Assertions.Expect(step).ToContainTextAsync("期限超過");
    }

    [Fact]
    public async Task The_dashboard_renders_in_japanese_by_default_and_in_english_when_switched()
    {
        var page = await fixture.NewPageAsync();
        await Dashboard.SignInAsync(page, await fixture.TokenForAsync("sato", Role.Ciso));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("対応中のインシデント");

        await page.GetByRole(AriaRole.Link, new() { Name = "Switch to English" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Open incidents");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        await Assertions.Expect(page.Locator("#counts")).ToContainTextAsync("Impersonation");
        await page.GotoAsync("/dashboard/metrics");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Response metrics by kind and month");

        await page.GetByRole(AriaRole.Link, new() { Name = "日本語に切り替え" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("対応指標（種別・月別）");
        Assert.Equal("ja", await page.GetAttributeAsync("html", "lang"));
    }

    [Fact]
    public async Task The_incident_page_updates_live_when_a_step_is_recorded_elsewhere()
    {
        var staff = await fixture.Node.ClientForAsync("alice", Role.Staff);
        var id = await staff.ReportAsync("impersonation", "facebook", "@live_step");
        var page = await fixture.NewPageAsync();
        await Dashboard.SignInAsync(page, await fixture.TokenForAsync("sato", Role.Ciso));
        await page.GotoAsync($"/dashboard/incidents/{id}");
        await page.EvaluateAsync("() => { window.sameDocument = true; }");
        var step = page.Locator("#steps tr[data-step='request-takedown']");
        await Assertions.Expect(step).ToContainTextAsync("対応待ち");

        await staff.CommandAsync(id, "request-takedown", new { reference = "FB-123" });

        await Assertions.Expect(step).ToContainTextAsync("完了", new() { Timeout = 5000 });
        Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"), "the page was reloaded");
        await Assertions.Expect(page.Locator("svg#timeline g.mark[data-type='takedown-requested']")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Pages_keep_to_their_content_security_policy_and_label_every_control()
    {
        var staff = await fixture.Node.ClientForAsync("alice", Role.Staff);
        var id = await staff.ReportAsync("hoax", "line", "@rumour");
        fixture.Clock.Advance(TimeSpan.FromMinutes(12));
        await staff.CommandAsync(id, "report-to-officers", new { recipients = new[] { "ciso" } });
        var page = await fixture.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.Contains("favicon", StringComparison.Ordinal))
            {
                errors.Add(message.Text);
            }
        };
        await Dashboard.SignInAsync(page, await fixture.TokenForAsync("sato", Role.Ciso, Role.SecurityManager));
        await ProjectionCatchUp.WaitAsync(fixture.Database.ConnectionString);

        foreach (var path in new[] { "/dashboard", $"/dashboard/incidents/{id}", "/dashboard/metrics", "/dashboard/system" })
        {
            var response = await page.GotoAsync(path);
            Assert.Contains("script-src 'self'", response!.Headers["content-security-policy"]);
            Assert.Equal(0, await page.Locator("[style], style, script:not([src])").CountAsync());
            var unlabelled = await page.EvaluateAsync<int>("""
                () => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
                        .filter(e => e.labels.length === 0 && !e.getAttribute('aria-label')).length
                """);
            Assert.Equal(0, unlabelled);
        }

        Assert.Empty(errors);
        await page.GotoAsync("/dashboard/metrics");
        await Assertions.Expect(page.Locator("svg.metrics-chart")).ToHaveCountAsync(4);
        Assert.True(await page.Locator("svg#to-ciso g.bar").CountAsync() > 0);
        await Dashboard.ScreenshotAsync(page, "metrics.png");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("skip", await page.EvaluateAsync<string>("() => document.activeElement.className"));
    }
}
