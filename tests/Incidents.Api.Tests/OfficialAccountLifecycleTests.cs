using System.Net;
using Incidents.Domain.Access;

namespace Incidents.Api.Tests;

/// <summary>An official account from opening to deletion (000 §6, §7; 003 account lifecycle), through the API.</summary>
public sealed class OfficialAccountLifecycleTests(ApiFixture fixture) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_account_is_opened_listed_changed_verified_announced_unlisted_and_closed_and_then_checks_as_formerly_official()
    {
        var head = await fixture.Factory.ClientForAsync("hiroshi", Role.DepartmentHead);
        var ciso = await fixture.Factory.ClientForAsync("sato", Role.Ciso);
        var anonymous = fixture.Factory.CreateClient();
        async Task<int> Listed() => (await (await anonymous.GetAsync("/api/public/official-accounts")).JsonAsync())["items"]!.AsArray().Count;

        var opened = await head.PostJsonAsync("/api/accounts", AccountCalls.OpenBody());
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var account = await opened.JsonAsync();
        var id = account["id"]!.GetValue<string>();
        var etag = opened.ETag();
        Assert.Equal($"/api/accounts/{id}", opened.Headers.Location?.ToString());
        Assert.Equal("opened", account["status"]!.GetValue<string>());
        Assert.Equal("総務課長 田中", account["approvedBy"]!.GetValue<string>());
        Assert.Equal(0, await Listed());

        (etag, account) = await ciso.AccountCommandAsync(id, "add-to-public-list", null, etag);
        Assert.Equal("listed", account["status"]!.GetValue<string>());
        Assert.Equal(1, await Listed());

        (etag, account) = await head.AccountCommandAsync(id, "change", new
        {
            approvedBy = "総務課長 田中", handle = "@misato_official", url = "https://x.com/misato_official", postingSchedule = "毎日 9時〜18時",
        }, etag);
        Assert.Equal("@misato_town", account["formerHandles"]![0]!["handle"]!.GetValue<string>());
        (etag, account) = await ciso.AccountCommandAsync(id, "verified-badge", new { verified = true }, etag);
        Assert.True(account["verified"]!.GetValue<bool>());

        var planned = fixture.Clock.GetUtcNow().AddDays(14);
        (etag, _) = await head.AccountCommandAsync(id, "notify-abolition", new { reason = "purpose-achieved", plannedClosingAt = planned }, etag);
        var listed = (await (await anonymous.GetAsync("/api/public/official-accounts")).JsonAsync())["items"]![0]!;
        Assert.Equal(planned, listed["plannedClosingAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal("abolition-notified", listed["status"]!.GetValue<string>());

        var tooEarly = await head.PostJsonAsync($"/api/accounts/{id}/close", new { }, etag);
        Assert.Equal("still-listed", (await tooEarly.AssertProblemAsync(HttpStatusCode.Conflict))["code"]!.GetValue<string>());
        (etag, _) = await ciso.AccountCommandAsync(id, "remove-from-public-list", null, etag);
        Assert.Equal(0, await Listed());
        var announcing = await head.PostJsonAsync($"/api/accounts/{id}/close", new { }, etag);
        Assert.Equal("announcement-period", (await announcing.AssertProblemAsync(HttpStatusCode.Conflict))["code"]!.GetValue<string>());

        fixture.Clock.Advance(TimeSpan.FromDays(14));
        (_, account) = await head.AccountCommandAsync(id, "close", new { note = "アカウントを削除" }, etag);
        Assert.Equal("closed", account["status"]!.GetValue<string>());

        var check = await (await anonymous.GetAsync("/api/public/official-accounts/check?platform=x&handle=@misato_official")).JsonAsync();
        Assert.Equal("formerly-official", check["answer"]!.GetValue<string>());
        Assert.Equal("closed", check["reason"]!.GetValue<string>());
        Assert.Equal(fixture.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(9)).ToString("yyyy-MM-dd"), check["closedOn"]!.GetValue<string>());

        var timeline = (await (await head.GetAsync($"/api/accounts/{id}/timeline")).JsonAsync())["items"]!.AsArray();
        Assert.Equal(
            ["account-opened", "account-added-to-public-list", "account-changed", "account-verified-badge-recorded", "account-abolition-notified",
                "account-removed-from-public-list", "account-closed"],
            timeline.Select(e => e!["type"]!.GetValue<string>()));
        Assert.Equal(["department-head", "ciso"], timeline.Take(2).Select(e => e!["actorRole"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Under_a_security_threat_the_security_manager_closes_a_listed_account_at_once()
    {
        var manager = await fixture.Factory.ClientForAsync("kenji", Role.SecurityManager);
        var id = await fixture.Factory.RegisterOfficialAccountAsync();
        var (etag, _) = await manager.GetAccountAsync(id);

        var (_, account) = await manager.AccountCommandAsync(id, "close-now", new { threat = "乗っ取られ、不正な投稿が止まらない" }, etag);

        Assert.Equal("closed", account["status"]!.GetValue<string>());
        Assert.True(account["closedImmediately"]!.GetValue<bool>());
        Assert.Equal("security-threat", account["abolitionReason"]!.GetValue<string>());
        var check = await (await fixture.Factory.CreateClient().GetAsync("/api/public/official-accounts/check?url=https://x.com/misato_town")).JsonAsync();
        Assert.Equal("formerly-official", check["answer"]!.GetValue<string>());
    }

    [Fact]
    public async Task Only_the_department_head_opens_and_only_the_ciso_lists_and_nothing_is_written_otherwise()
    {
        var staff = await fixture.Factory.ClientForAsync("alice", Role.Staff);
        var head = await fixture.Factory.ClientForAsync("hiroshi", Role.DepartmentHead);
        var before = await RowCounts.TakeAsync(fixture.Database);

        var byStaff = await staff.PostJsonAsync("/api/accounts", AccountCalls.OpenBody());

        Assert.Equal("role-not-permitted", (await byStaff.AssertProblemAsync(HttpStatusCode.Forbidden))["code"]!.GetValue<string>());
        Assert.Equal(before, await RowCounts.TakeAsync(fixture.Database));
        var (id, etag) = await head.OpenAccountAsync();
        await (await head.PostJsonAsync($"/api/accounts/{id}/add-to-public-list", null, etag)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await fixture.Factory.CreateClient().PostJsonAsync("/api/accounts", AccountCalls.OpenBody())).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_handle_held_by_a_current_account_cannot_be_opened_again_until_that_account_is_closed()
    {
        var head = await fixture.Factory.ClientForAsync("hiroshi", Role.DepartmentHead);
        var ciso = await fixture.Factory.ClientForAsync("sato", Role.Ciso);
        var first = await fixture.Factory.RegisterOfficialAccountAsync();

        var again = await head.PostJsonAsync("/api/accounts", AccountCalls.OpenBody(handle: "@Misato_Town"));
        Assert.Equal("handle-already-registered", (await again.AssertProblemAsync(HttpStatusCode.Conflict))["code"]!.GetValue<string>());

        var (etag, _) = await ciso.GetAccountAsync(first);
        await ciso.AccountCommandAsync(first, "close-now", new { threat = "不正ログイン" }, etag);
        var (second, _) = await head.OpenAccountAsync(AccountCalls.OpenBody(handle: "@misato_town"));
        var check = await (await fixture.Factory.CreateClient().GetAsync("/api/public/official-accounts/check?platform=x&handle=misato_town")).JsonAsync();
        Assert.Equal("official", check["answer"]!.GetValue<string>());
        Assert.Equal(second, check["account"]!["id"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("https://bit.ly/misato", "url-shortener")]
    [InlineData("https://x.com/someone_else", "url-does-not-match-handle")]
    [InlineData("https://www.instagram.com/misato_town", "platform-mismatch")]
    public async Task Opening_with_an_address_that_does_not_name_the_account_answers_422_and_writes_nothing(string url, string code)
    {
        var head = await fixture.Factory.ClientForAsync("hiroshi", Role.DepartmentHead);
        var before = await RowCounts.TakeAsync(fixture.Database);

        var response = await head.PostJsonAsync("/api/accounts", AccountCalls.OpenBody(url: url));

        Assert.Equal(code, (await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity))["code"]!.GetValue<string>());
        Assert.Equal(before, await RowCounts.TakeAsync(fixture.Database));
    }

    [Fact]
    public async Task An_account_command_with_a_stale_etag_gets_412_and_a_replayed_opening_creates_one_account()
    {
        var head = await fixture.Factory.ClientForAsync("hiroshi", Role.DepartmentHead);
        var first = await head.PostJsonAsync("/api/accounts", AccountCalls.OpenBody(), idempotencyKey: "open-1");
        var replay = await head.PostJsonAsync("/api/accounts", AccountCalls.OpenBody(), idempotencyKey: "open-1");
        Assert.Equal(first.Headers.Location, replay.Headers.Location);
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        var id = (await first.JsonAsync())["id"]!.GetValue<string>();
        var (etag, _) = await head.AccountCommandAsync(id, "verified-badge", new { verified = true }, first.ETag());

        var stale = await head.PostJsonAsync($"/api/accounts/{id}/verified-badge", new { verified = false }, first.ETag());

        Assert.Equal("stale-version", (await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed))["code"]!.GetValue<string>());
        Assert.Equal(etag, stale.ETag());
        Assert.Equal(1, await fixture.Database.CountAsync("official_accounts"));
    }

    [Fact]
    public async Task The_openapi_document_describes_the_registry_the_public_check_and_merging()
    {
        var document = await (await fixture.Factory.CreateClient().GetAsync("/openapi/v1.json")).JsonAsync();

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/accounts", paths);
        Assert.Contains("/api/accounts/{id}/close-now", paths);
        Assert.Contains("/api/public/official-accounts/check", paths);
        Assert.Contains("/api/incidents/{id}/merge", paths);
        Assert.Contains("/api/incidents/{id}/statement-templates", paths);
    }
}
