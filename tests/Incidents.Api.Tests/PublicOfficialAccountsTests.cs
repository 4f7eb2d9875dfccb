using System.Net;
using Incidents.Domain.Access;

namespace Incidents.Api.Tests;

/// <summary>The public, unauthenticated list and check that the homepage embeds (000 §6(3)).</summary>
public sealed class PublicOfficialAccountsTests(ApiFixture fixture) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private HttpClient Anonymous => fixture.Factory.CreateClient();

    [Fact]
    public async Task The_public_list_shows_listed_accounts_only_without_internal_fields_and_is_cacheable_by_anyone()
    {
        var head = await fixture.Factory.ClientForAsync("hiroshi", Role.DepartmentHead);
        await fixture.Factory.RegisterOfficialAccountAsync();
        await head.OpenAccountAsync(AccountCalls.OpenBody("instagram", "@misato.town", "https://www.instagram.com/misato.town/"));

        var response = await Anonymous.GetAsync("/api/public/official-accounts");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var item = Assert.Single((await response.JsonAsync())["items"]!.AsArray())!;
        Assert.Equal(("x", "@misato_town", "https://x.com/misato_town"), (item["platform"]!.GetValue<string>(), item["handle"]!.GetValue<string>(), item["url"]!.GetValue<string>()));
        Assert.Equal("原則として返信・フォローは行いません", item["replyPolicy"]!.GetValue<string>());
        Assert.Null(item["approvedBy"]);
        Assert.Equal("public, max-age=60", response.Headers.CacheControl?.ToString());
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Theory]
    [InlineData("platform=x&handle=@misato_town")]
    [InlineData("platform=x&handle=Misato_Town")]
    [InlineData("platform=x&handle=%EF%BC%A0misato_town")]
    [InlineData("url=https://x.com/misato_town")]
    [InlineData("url=https://twitter.com/Misato_Town/")]
    [InlineData("url=https://mobile.twitter.com/misato_town?s=20")]
    [InlineData("url=www.x.com/misato_town%23top")]
    [InlineData("platform=x&url=x.com/misato_town/status/12345")]
    [InlineData("platform=x&handle=https://twitter.com/misato_town")]
    public async Task Every_form_of_an_official_accounts_address_checks_as_official(string query)
    {
        var id = await fixture.Factory.RegisterOfficialAccountAsync();

        var answer = await (await Anonymous.GetAsync("/api/public/official-accounts/check?" + query)).JsonAsync();

        Assert.Equal("official", answer["answer"]!.GetValue<string>());
        Assert.Equal(id, answer["account"]!["id"]!.GetValue<string>());
        Assert.Equal("misato_town", answer["handle"]!.GetValue<string>());
    }

    [Fact]
    public async Task Line_youtube_facebook_and_instagram_urls_find_their_accounts()
    {
        await fixture.Factory.RegisterOfficialAccountAsync("line", "@misato", "https://line.me/R/ti/p/@misato");
        await fixture.Factory.RegisterOfficialAccountAsync("youtube", "@MisatoTown", "https://www.youtube.com/@MisatoTown");
        await fixture.Factory.RegisterOfficialAccountAsync("facebook", "misato.town.official", "https://www.facebook.com/misato.town.official");
        await fixture.Factory.RegisterOfficialAccountAsync("instagram", "@misato.town", "https://www.instagram.com/misato.town/");

        foreach (var url in new[]
        {
            "https://line.me/R/ti/p/%40Misato", "https://m.youtube.com/@misatotown/videos", "https://m.facebook.com/Misato.Town.Official/",
            "instagram.com/misato.town?igsh=xyz",
        })
        {
            var answer = await (await Anonymous.GetAsync("/api/public/official-accounts/check?url=" + Uri.EscapeDataString(url))).JsonAsync();
            Assert.True("official" == answer["answer"]?.GetValue<string>(), $"{url}: {answer.ToJsonString()}");
        }
    }

    [Fact]
    public async Task An_unknown_account_is_not_ours_and_a_renamed_handle_is_formerly_official_with_the_current_one()
    {
        var head = await fixture.Factory.ClientForAsync("hiroshi", Role.DepartmentHead);
        var id = await fixture.Factory.RegisterOfficialAccountAsync();
        var (etag, _) = await head.GetAccountAsync(id);
        fixture.Clock.Advance(TimeSpan.FromDays(3));
        await head.AccountCommandAsync(id, "change", new { approvedBy = "総務課長", handle = "@misato_official", url = "https://x.com/misato_official" }, etag);

        var stranger = await (await Anonymous.GetAsync("/api/public/official-accounts/check?platform=x&handle=@misato_town_fake")).JsonAsync();
        var renamed = await (await Anonymous.GetAsync("/api/public/official-accounts/check?platform=x&handle=@misato_town")).JsonAsync();

        Assert.Equal("not-ours", stranger["answer"]!.GetValue<string>());
        Assert.Null(stranger["account"]);
        Assert.Equal("formerly-official", renamed["answer"]!.GetValue<string>());
        Assert.Equal("renamed", renamed["reason"]!.GetValue<string>());
        Assert.Equal(fixture.Clock.GetUtcNow(), renamed["until"]!.GetValue<DateTimeOffset>());
        Assert.Equal("@misato_official", renamed["account"]!["handle"]!.GetValue<string>());
        Assert.Contains("@misato_official", renamed["message"]!["ja"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("url=https://bit.ly/3misato", HttpStatusCode.UnprocessableEntity, "url-shortener")]
    [InlineData("url=t.co/abc", HttpStatusCode.UnprocessableEntity, "url-shortener")]
    [InlineData("platform=x&url=https://lin.ee/abc", HttpStatusCode.UnprocessableEntity, "url-shortener")]
    [InlineData("platform=x&handle=https://tinyurl.com/misato", HttpStatusCode.UnprocessableEntity, "url-shortener")]
    [InlineData("platform=x&url=https://www.instagram.com/misato", HttpStatusCode.UnprocessableEntity, "platform-mismatch")]
    [InlineData("url=https://x.com/i/status/1", HttpStatusCode.UnprocessableEntity, "not-a-profile-url")]
    [InlineData("", HttpStatusCode.BadRequest, "invalid-query")]
    [InlineData("handle=@misato_town", HttpStatusCode.BadRequest, "invalid-query")]
    [InlineData("platform=x&handle=a&url=https://x.com/a", HttpStatusCode.BadRequest, "invalid-query")]
    [InlineData("platform=myspace&handle=a", HttpStatusCode.BadRequest, "invalid-query")]
    public async Task A_check_that_cannot_be_answered_is_a_problem(string query, HttpStatusCode status, string code)
    {
        var response = await Anonymous.GetAsync("/api/public/official-accounts/check?" + query);

        Assert.Equal(code, (await response.AssertProblemAsync(status))["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_public_page_is_japanese_first_with_english_and_loads_nothing_from_elsewhere()
    {
        await fixture.Factory.RegisterOfficialAccountAsync();

        var response = await Anonymous.GetAsync("/official-accounts");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"ja\">", html, StringComparison.Ordinal);
        Assert.Contains("<h1>公式ソーシャルメディアアカウント一覧 <span lang=\"en\">Official social media accounts</span></h1>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://x.com/misato_town\" rel=\"noopener noreferrer\">@misato_town</a>", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"account\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=\"http", html, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"stylesheet\" href=\"/official-accounts/styles.css\">", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var css = await Anonymous.GetAsync("/official-accounts/styles.css");
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Text_from_the_registry_and_from_the_query_is_escaped_on_the_page()
    {
        var head = await fixture.Factory.ClientForAsync("hiroshi", Role.DepartmentHead);
        var ciso = await fixture.Factory.ClientForAsync("sato", Role.Ciso);
        var body = AccountCalls.OpenBody();
        var hostile = new Dictionary<string, object?>(
            body.GetType().GetProperties().Select(p => new KeyValuePair<string, object?>(p.Name, p.GetValue(body))))
        {
            ["displayName"] = "<script>alert('x')</script>",
            ["department"] = "\"><img src=x onerror=alert(1)>",
        };
        var (id, etag) = await head.OpenAccountAsync(hostile);
        await ciso.AccountCommandAsync(id, "add-to-public-list", null, etag);

        var html = await (await Anonymous.GetAsync("/official-accounts?platform=x&account=" + Uri.EscapeDataString("\"><script>alert(2)</script>"))).Content.ReadAsStringAsync();

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("value=\"&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_checks_an_account_without_script_and_says_formerly_official_with_the_closing_date()
    {
        var ciso = await fixture.Factory.ClientForAsync("sato", Role.Ciso);
        var id = await fixture.Factory.RegisterOfficialAccountAsync();
        var (etag, _) = await ciso.GetAccountAsync(id);
        await ciso.AccountCommandAsync(id, "close-now", new { threat = "不正ログイン" }, etag);
        var day = fixture.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(9)).ToString("yyyy-MM-dd");

        var former = await (await Anonymous.GetAsync("/official-accounts?platform=x&account=%40Misato_Town")).Content.ReadAsStringAsync();
        var stranger = await (await Anonymous.GetAsync("/official-accounts?platform=&account=https%3A%2F%2Fx.com%2Fsomeone")).Content.ReadAsStringAsync();
        var shortened = await Anonymous.GetAsync("/official-accounts?platform=&account=https%3A%2F%2Fbit.ly%2Fabc");

        Assert.Contains($"町の公式アカウントでしたが、{day}に廃止しました", former, StringComparison.Ordinal);
        Assert.Contains("class=\"result result-formerly-official\" role=\"status\"", former, StringComparison.Ordinal);
        Assert.Contains("町の公式アカウントではありません", stranger, StringComparison.Ordinal);
        Assert.Contains("現在掲載している公式アカウントはありません", stranger, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, shortened.StatusCode);
        Assert.Contains("role=\"alert\"", await shortened.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
