using System.Net;
using Incidents.Domain.Access;

namespace Incidents.Api.Tests;

/// <summary>Incidents and our official accounts: takeovers name ours; impersonation warnings point to the genuine one.</summary>
public sealed class GenuineAccountTests(ApiFixture fixture) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_takeover_report_naming_an_account_that_is_not_ours_answers_422_and_writes_nothing()
    {
        var staff = await fixture.Factory.ClientForAsync("alice", Role.Staff);
        await fixture.Factory.RegisterOfficialAccountAsync();
        var before = await RowCounts.TakeAsync(fixture.Database);

        var response = await staff.PostJsonAsync("/api/incidents", ApiCalls.TakeoverReport());

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("takeover-needs-official-account", problem["code"]!.GetValue<string>());
        Assert.Contains("official list", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(problem["errors"]!["accountHandle"]);
        Assert.Equal(before, await RowCounts.TakeAsync(fixture.Database));
    }

    [Fact]
    public async Task A_takeover_of_a_closed_account_is_refused_with_when_it_stopped_being_ours()
    {
        var staff = await fixture.Factory.ClientForAsync("alice", Role.Staff);
        var ciso = await fixture.Factory.ClientForAsync("sato", Role.Ciso);
        var id = await fixture.Factory.RegisterOfficialAccountAsync("instagram", "@misato_town_official", "https://www.instagram.com/misato_town_official");
        var (etag, _) = await ciso.GetAccountAsync(id);
        await ciso.AccountCommandAsync(id, "close-now", new { threat = "不正ログイン" }, etag);

        var response = await staff.PostJsonAsync("/api/incidents", ApiCalls.TakeoverReport());

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("report an impersonation", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_takeover_of_one_of_our_accounts_is_linked_to_it_and_its_notice_names_it()
    {
        var staff = await fixture.Factory.ClientForAsync("alice", Role.Staff);
        var account = await fixture.Factory.RegisterOfficialAccountAsync("instagram", "@misato_town_official", "https://www.instagram.com/misato_town_official");

        var (id, _) = await staff.ReportAsync(new
        {
            kind = "account-takeover", platform = "instagram", accountHandle = "https://www.instagram.com/Misato_Town_Official/", whatWasSeen = "身に覚えのない投稿",
        });

        var (_, incident) = await staff.GetIncidentAsync(id);
        Assert.Equal(account, incident["genuineAccount"]!["accountId"]!.GetValue<string>());
        var templates = await (await staff.GetAsync($"/api/incidents/{id}/statement-templates")).JsonAsync();
        var warning = templates["items"]![0]!;
        Assert.Empty(warning["missing"]!.AsArray());
        Assert.Contains("公式アカウント（@misato_town_official）", warning["text"]!["ja"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reporting_one_of_our_own_accounts_as_an_impersonation_is_refused()
    {
        var staff = await fixture.Factory.ClientForAsync("alice", Role.Staff);
        await fixture.Factory.RegisterOfficialAccountAsync();

        var response = await staff.PostJsonAsync("/api/incidents", ApiCalls.ImpersonationReport("@Misato_Town"));

        Assert.Equal("reported-account-is-official", (await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity))["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_impersonation_report_linked_to_the_genuine_account_gets_a_warning_that_points_to_it_and_the_list()
    {
        var staff = await fixture.Factory.ClientForAsync("alice", Role.Staff);
        var account = await fixture.Factory.RegisterOfficialAccountAsync();
        var report = new
        {
            kind = "impersonation", platform = "x", accountHandle = "@misato_town_fake", accountUrl = "https://x.com/misato_town_fake",
            whatWasSeen = "町の公式アカウントを装っている", genuineAccount = "https://twitter.com/misato_town",
        };

        var (id, _) = await staff.ReportAsync(report);

        var templates = await (await staff.GetAsync($"/api/incidents/{id}/statement-templates")).JsonAsync();
        Assert.Equal(account, templates["genuineAccount"]!["accountId"]!.GetValue<string>());
        Assert.Equal("http://localhost/official-accounts", templates["homepageUrl"]!.GetValue<string>());
        var warning = templates["items"]!.AsArray().Single(t => t!["kind"]!.GetValue<string>() == "warning")!;
        Assert.Empty(warning["missing"]!.AsArray());
        var ja = warning["text"]!["ja"]!.GetValue<string>();
        Assert.Contains("アカウント（@misato_town_fake）", ja, StringComparison.Ordinal);
        Assert.Contains("町の公式アカウントは @misato_town（https://x.com/misato_town）です", ja, StringComparison.Ordinal);
        Assert.Contains("公式アカウントの一覧：http://localhost/official-accounts", ja, StringComparison.Ordinal);
        Assert.Contains("Our official account is @misato_town (https://x.com/misato_town)", warning["text"]!["en"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_genuine_account_the_warning_names_what_is_missing_until_one_is_linked()
    {
        var staff = await fixture.Factory.ClientForAsync("alice", Role.Staff);
        await fixture.Factory.RegisterOfficialAccountAsync();
        var (id, etag) = await staff.ReportAsync();
        async Task<System.Text.Json.Nodes.JsonNode> Warning() =>
            (await (await staff.GetAsync($"/api/incidents/{id}/statement-templates")).JsonAsync())["items"]!.AsArray()
            .Single(t => t!["kind"]!.GetValue<string>() == "warning")!;

        Assert.Equal(["officialHandle", "officialUrl"], (await Warning())["missing"]!.AsArray().Select(m => m!.GetValue<string>()));

        var (_, incident) = await staff.CommandAsync(id, "link-genuine-account", new { genuineAccount = "@misato_town" }, etag);

        Assert.Equal("@misato_town", incident["genuineAccount"]!["handle"]!.GetValue<string>());
        Assert.Empty((await Warning())["missing"]!.AsArray());
        var timeline = (await (await staff.GetAsync($"/api/incidents/{id}/timeline")).JsonAsync())["items"]!.AsArray();
        Assert.Equal("genuine-account-linked", timeline[^1]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_impersonation_on_one_platform_may_imitate_our_account_on_another()
    {
        var staff = await fixture.Factory.ClientForAsync("alice", Role.Staff);
        var instagram = await fixture.Factory.RegisterOfficialAccountAsync("instagram", "@misato.town", "https://www.instagram.com/misato.town/");
        var (id, etag) = await staff.ReportAsync();

        var (_, incident) = await staff.CommandAsync(id, "link-genuine-account", new { genuineAccount = "instagram.com/Misato.Town" }, etag);

        Assert.Equal(instagram, incident["genuineAccount"]!["accountId"]!.GetValue<string>());
        Assert.Equal("instagram", incident["genuineAccount"]!["platform"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("@not_ours", "genuine-account-not-found")]
    [InlineData("https://bit.ly/misato", "url-shortener")]
    public async Task Naming_a_genuine_account_that_is_not_a_current_official_one_answers_422(string genuine, string code)
    {
        var staff = await fixture.Factory.ClientForAsync("alice", Role.Staff);
        await fixture.Factory.RegisterOfficialAccountAsync();
        var (id, etag) = await staff.ReportAsync();

        var response = await staff.PostJsonAsync($"/api/incidents/{id}/link-genuine-account", new { genuineAccount = genuine }, etag);

        Assert.Equal(code, (await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity))["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_report_whose_account_url_is_a_shortener_answers_422()
    {
        var staff = await fixture.Factory.ClientForAsync("alice", Role.Staff);

        var response = await staff.PostJsonAsync("/api/incidents", new
        {
            kind = "impersonation", platform = "x", accountHandle = "@fake", accountUrl = "https://t.co/abc", whatWasSeen = "偽アカウント",
        });

        Assert.Equal("url-shortener", (await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity))["code"]!.GetValue<string>());
    }
}
