using System.Net;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Incidents.Domain.Access;

namespace Incidents.Api.Tests.Security;

/// <summary>
/// Script and markup stored in every free-text field that the dashboard and the public page of official accounts show
/// come back as text: never as raw markup in the HTML, always HTML-encoded. (The browser tests check the same in Chromium.)
/// </summary>
public sealed class StoredTextEscapingTests(ApiFixture fixture) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private static readonly string[] Payloads =
    [
        "<script>alert('xss-1')</script>", "\"><img src=x onerror=alert('xss-2')>", "' onmouseover='alert(3)' x='",
        "</textarea><svg onload=alert('xss-4')>", "<a href=\"javascript:alert('xss-5')\">x</a>",
    ];

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Markup_stored_in_every_field_the_dashboard_shows_renders_as_text()
    {
        var admin = await fixture.Factory.ClientForAsync("root", Role.Admin);
        var created = await (await admin.PostJsonAsync("/api/admin/users", new { name = Payloads[1], roles = new[] { "staff", "department-head" } })).JsonAsync();
        var reporter = fixture.Factory.CreateClient();
        reporter.DefaultRequestHeaders.Authorization = new("Bearer", created["token"]!["token"]!.GetValue<string>());
        var ciso = await fixture.Factory.ClientForAsync("sato", Role.Ciso);

        var (id, etag) = await reporter.ReportAsync(Report("@fake_a", Payloads[0]));
        (etag, _) = await reporter.CommandAsync(id, "assign", new { assignee = Payloads[2] }, etag);
        (etag, _) = await reporter.CommandAsync(id, "draft-statement", new { kind = "warning", channels = new[] { "homepage" }, text = Payloads[3] }, etag);
        var joined = await reporter.PostJsonAsync("/api/incidents", Report("@fake_a", Payloads[4]));
        Assert.Equal(HttpStatusCode.OK, joined.StatusCode);
        var (duplicate, _) = await reporter.ReportAsync(Report("@fake_b", Payloads[2]));
        (etag, _) = await ciso.CommandAsync(id, "merge", new { duplicateId = duplicate, reason = Payloads[0] }, (await ciso.GetIncidentAsync(id)).ETag);

        var browser = DashboardBrowser.Create(fixture.Factory);
        await browser.SignInAsync(ciso.DefaultRequestHeaders.Authorization!.Parameter!);
        var incident = await browser.GetStringAsync($"/dashboard/incidents/{id}");
        var merged = await browser.GetStringAsync($"/dashboard/incidents/{duplicate}");
        var overview = await browser.GetStringAsync("/dashboard");

        AssertShownAsText(incident, Payloads);
        AssertShownAsText(merged, Payloads[2]);
        AssertShownAsText(overview, Payloads[2]);
    }

    [Fact]
    public async Task Markup_stored_in_every_field_of_an_official_account_renders_as_text_on_the_public_page()
    {
        var head = await fixture.Factory.ClientForAsync("hiroshi", Role.DepartmentHead);
        var ciso = await fixture.Factory.ClientForAsync("sato", Role.Ciso);
        var (id, etag) = await head.OpenAccountAsync(new
        {
            platform = "x", handle = "@misato_town", url = "https://x.com/misato_town",
            displayName = Cut(Payloads[0], 30), department = Cut(Payloads[1], 40), purpose = Payloads[2], content = Payloads[3],
            postingSchedule = Payloads[4], replyPolicy = Payloads[0], approvedBy = Cut(Payloads[1], 40), operationPeriod = Cut(Payloads[3], 40),
            homepageUrl = "https://www.town.example.jp/sns/?q=\"><script>alert('xss-6')</script>",
        });
        await ciso.AccountCommandAsync(id, "add-to-public-list", null, etag);
        var anonymous = fixture.Factory.CreateClient();

        var page = await anonymous.GetStringAsync("/official-accounts");
        var check = await anonymous.GetAsync($"/official-accounts?platform=x&account={Uri.EscapeDataString(Payloads[1])}");

        AssertShownAsText(page, Cut(Payloads[0], 30), Cut(Payloads[1], 40), Payloads[2], Payloads[3], Payloads[4], "https://www.town.example.jp/sns/?q=\"><script>alert('xss-6')</script>");
        AssertShownAsText(await check.Content.ReadAsStringAsync(), Payloads[1]);
    }

    private static object Report(string handle, string text) => new
    {
        kind = "impersonation", platform = "x", accountHandle = handle, whatWasSeen = text, department = Cut(text, 100),
        evidenceUrls = new[] { "https://x.com/fake/status/1?q=\"><script>alert('xss-7')</script>" },
        reporterContact = Cut(text, 200),
    };

    private static void AssertShownAsText(string html, params string[] texts)
    {
        foreach (var text in texts)
        {
            Assert.DoesNotContain(text, html, StringComparison.Ordinal);
            Assert.Contains(Encoder.Encode(text), html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("<script>alert", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img src=x", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<svg onload", html, StringComparison.OrdinalIgnoreCase);
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];
}
