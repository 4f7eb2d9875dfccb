using System.Net;
using System.Text;
using Incidents.Domain.Access;

namespace Incidents.Api.Tests.Security;

/// <summary>What the fuzz test found, each pinned down: every one answered 5xx, or accepted what it must refuse.</summary>
public sealed class HostileInputRegressionTests(ApiFixture fixture) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_account_named_in_text_that_cannot_be_normalised_is_refused_with_422_not_500()
    {
        var staff = await fixture.Factory.ClientForAsync("alice", Role.Staff);
        var (id, etag) = await staff.ReportAsync();
        var anonymous = fixture.Factory.CreateClient();

        var link = await staff.PostJsonAsync($"/api/incidents/{id}/link-genuine-account", "{\"genuineAccount\":\"\\uFFFF\\uFFFE\"}", etag);
        var report = await staff.PostJsonAsync("/api/incidents", ApiCalls.Serialize(new
        {
            kind = "impersonation", platform = "x", accountHandle = "@fake\uFFFE", whatWasSeen = "偽アカウント",
        }));
        var check = await anonymous.GetAsync("/api/public/official-accounts/check?platform=x&handle=%EF%BF%BE");
        var page = await anonymous.GetAsync("/official-accounts?platform=x&account=%EF%BF%BE");

        Assert.Equal("invalid-handle", (await link.AssertProblemAsync(HttpStatusCode.UnprocessableEntity))["code"]!.GetValue<string>());
        Assert.Equal("invalid-handle", (await report.AssertProblemAsync(HttpStatusCode.UnprocessableEntity))["code"]!.GetValue<string>());
        await check.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.StatusCode);
    }

    public static TheoryData<string, string, string, HttpStatusCode> BodiesThatWereIgnored => new()
    {
        { "/api/admin/users/{user}/disable", "{\"password\":\"hunter2\"}", "application/json", HttpStatusCode.UnprocessableEntity },
        { "/api/admin/users/{user}/revoke-tokens", "{\"note\":", "application/json", HttpStatusCode.BadRequest },
        { "/api/webhooks/{webhook}/disable", "<disable/>", "application/xml", HttpStatusCode.UnsupportedMediaType },
        { "/api/projections/incident-timeline/rebuild", "[1,2,3]", "application/json", HttpStatusCode.BadRequest },
        { "/api/me/tokens/{token}/revoke", "{\"a\":\"\\u0000\"}", "application/json", HttpStatusCode.UnprocessableEntity },
    };

    [Theory]
    [MemberData(nameof(BodiesThatWereIgnored))]
    public async Task An_endpoint_that_takes_no_fields_refuses_a_hostile_body_instead_of_ignoring_it(
        string route, string body, string contentType, HttpStatusCode status)
    {
        var admin = await fixture.Factory.ClientForAsync("root", Role.Admin, Role.Ciso);
        var target = await fixture.Factory.ClientForAsync("target", Role.Staff);
        var webhook = (await (await admin.PostJsonAsync("/api/webhooks", new { url = "http://127.0.0.1:9/hook" })).JsonAsync())["subscription"]!["id"]!.GetValue<string>();
        var token = (await (await admin.GetAsync("/api/me/tokens")).JsonAsync())[0]!["id"]!.GetValue<string>();
        using var request = new HttpRequestMessage(HttpMethod.Post, route.Replace("{user}", "target").Replace("{webhook}", webhook).Replace("{token}", token))
        {
            Content = new StringContent(body, Encoding.UTF8, contentType),
        };

        var response = await admin.SendAsync(request);

        await response.AssertProblemAsync(status);
        Assert.Equal(HttpStatusCode.OK, (await target.GetAsync("/api/me")).StatusCode);
        Assert.Equal(0, await fixture.Database.QueryCountAsync("select count(*) from users where disabled_at is not null"));
        Assert.Equal(0, await fixture.Database.QueryCountAsync("select count(*) from api_tokens where revoked_at is not null"));
        Assert.Equal(0, await fixture.Database.QueryCountAsync("select count(*) from webhook_subscriptions where disabled_at is not null"));
        Assert.Equal(0, await fixture.Database.QueryCountAsync("select count(*) from projection_rebuilds"));
        Assert.Equal(0, await fixture.Database.QueryCountAsync("select count(*) from events"));
    }

    [Theory]
    [InlineData("/api/admin/users")]
    [InlineData("/api/webhooks")]
    [InlineData("/api/me/tokens/rotate")]
    public async Task A_malformed_idempotency_key_is_refused_by_every_write_endpoint(string route)
    {
        var admin = await fixture.Factory.ClientForAsync("root", Role.Admin);
        var before = await RowCounts.TakeAsync(fixture.Database);

        var response = await admin.PostJsonAsync(route, new { name = "new-user", roles = new[] { "staff" }, url = "http://127.0.0.1:9/hook" }, idempotencyKey: "has spaces");

        Assert.Equal("idempotency-key-malformed", (await response.AssertProblemAsync(HttpStatusCode.BadRequest))["code"]!.GetValue<string>());
        Assert.Equal(before, await RowCounts.TakeAsync(fixture.Database));
    }

    [Theory]
    [InlineData("ｐａｓｓｗｏｒｄ")]
    [InlineData("Ａｐｉ＿Ｋｅｙ")]
    public async Task A_secret_field_spelled_in_full_width_letters_is_refused(string field)
    {
        var staff = await fixture.Factory.ClientForAsync("alice", Role.Staff);
        var (id, etag) = await staff.ReportAsync();
        var before = await RowCounts.TakeAsync(fixture.Database);

        var response = await staff.PostJsonAsync($"/api/incidents/{id}/request-takedown", $"{{\"reference\":\"X 1\",\"{field}\":\"hunter2\"}}", etag);

        Assert.Equal("secret-field", (await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity))["code"]!.GetValue<string>());
        Assert.Equal(before, await RowCounts.TakeAsync(fixture.Database));
    }

    public static TheoryData<string, string> PasswordsInUncheckedFields => new()
    {
        { "assign", "{\"assignee\":\"password: hunter2\"}" },
        { "request-takedown", "{\"reference\":\"ｐａｓｓｗｏｒｄ：ｈｕｎｔｅｒ２\"}" },
        { "record-police-contact", "{\"station\":\"美里署\",\"caseReference\":\"pass\\u200Bword=hunter2\"}" },
        { "acknowledge", "{\"comment\":\"api_key=abcdef123\"}" },
        { "report-to-officers", "{\"recipients\":[\"ciso\"],\"note\":\"\\u202Epassword: hunter2\"}" },
    };

    [Theory]
    [MemberData(nameof(PasswordsInUncheckedFields))]
    public async Task A_password_in_any_text_field_is_refused_even_where_the_command_does_not_look(string command, string body)
    {
        var head = await fixture.Factory.ClientForAsync("hiroshi", Role.DepartmentHead);
        var (id, etag) = await head.ReportAsync();
        var before = await RowCounts.TakeAsync(fixture.Database);

        var response = await head.PostJsonAsync($"/api/incidents/{id}/{command}", body, etag);

        Assert.Equal("secret-in-text", (await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity))["code"]!.GetValue<string>());
        Assert.Equal(before, await RowCounts.TakeAsync(fixture.Database));
    }

    [Fact]
    public async Task A_password_typed_into_a_user_name_or_a_webhook_description_is_refused()
    {
        var admin = await fixture.Factory.ClientForAsync("root", Role.Admin);
        var before = await RowCounts.TakeAsync(fixture.Database);

        var user = await admin.PostJsonAsync("/api/admin/users", new { name = "password=hunter2", roles = new[] { "staff" } });
        var webhook = await admin.PostJsonAsync("/api/webhooks", new { url = "http://127.0.0.1:9/hook", description = "secret: s3cr3t" });

        await user.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await webhook.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(before, await RowCounts.TakeAsync(fixture.Database));
    }

    [Fact]
    public async Task A_password_typed_into_a_dashboard_form_is_refused_and_nothing_is_written()
    {
        var api = await fixture.Factory.ClientForAsync("alice", Role.Staff);
        var (id, _) = await api.ReportAsync();
        var browser = DashboardBrowser.Create(fixture.Factory);
        var formToken = await browser.SignInAsync(api.DefaultRequestHeaders.Authorization!.Parameter!);
        var before = await RowCounts.TakeAsync(fixture.Database);

        var response = await browser.PostAsync($"/dashboard/incidents/{id}/request-takedown",
            DashboardBrowser.Form(("__csrf", formToken), ("version", "5"), ("reference", "パスワード：hunter2")));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.DoesNotContain("hunter2", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await RowCounts.TakeAsync(fixture.Database));
    }
}
