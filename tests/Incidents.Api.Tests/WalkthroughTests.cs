using System.Net;
using Incidents.Domain.Access;

namespace Incidents.Api.Tests;

/// <summary>Whole incidents walked through the API by the people the guidelines name, from report to closed.</summary>
public sealed class WalkthroughTests(ApiFixture fixture) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_impersonation_is_reported_warned_about_taken_down_and_closed()
    {
        var staff = await fixture.Factory.ClientForAsync("alice", Role.Staff);
        var head = await fixture.Factory.ClientForAsync("hiroshi", Role.DepartmentHead);
        var officer = await fixture.Factory.ClientForAsync("yuki", Role.PublishingOfficer);
        var ciso = await fixture.Factory.ClientForAsync("sato", Role.Ciso);

        var (id, etag) = await staff.ReportAsync();
        (etag, _) = await head.CommandAsync(id, "acknowledge", null, etag);
        (etag, var incident) = await staff.CommandAsync(id, "report-to-officers", new { recipients = new[] { "ciso", "department-head", "general-affairs" } }, etag);
        Assert.Equal("completed", incident.StepStatus("report-to-officers"));

        (etag, incident) = await staff.CommandAsync(id, "request-takedown", new { reference = "X report #123" }, etag);
        Assert.Equal("completed", incident.StepStatus("request-takedown"));
        Assert.Equal("open", incident.StepStatus("await-platform-answer"));

        (etag, incident) = await staff.CommandAsync(id, "draft-statement", new
        {
            kind = "warning",
            channels = new[] { "homepage", "official-account" },
            text = "【注意】町の公式アカウントを装った偽アカウント（@fake_misato_town）にご注意ください。",
            linkUrl = "https://www.town.misato.example/sns",
        }, etag);
        var statementId = incident["statements"]![0]!["id"]!.GetValue<string>();
        Assert.Equal("draft", incident["statements"]![0]!["status"]!.GetValue<string>());

        var early = await staff.PostJsonAsync($"/api/incidents/{id}/statements/{statementId}/publish", new { }, etag);
        Assert.Equal("approval-required", (await early.AssertProblemAsync(HttpStatusCode.Conflict))["code"]!.GetValue<string>());

        (etag, _) = await officer.CommandAsync(id, $"statements/{statementId}/approve", null, etag);
        (etag, incident) = await staff.CommandAsync(id, $"statements/{statementId}/publish", new { publishedUrl = "https://www.town.misato.example/news/1" }, etag);
        Assert.Equal("published", incident["statements"]![0]!["status"]!.GetValue<string>());
        Assert.Equal("completed", incident.StepStatus("publish-warning"));

        var cannotClose = await ciso.PostJsonAsync($"/api/incidents/{id}/close", null, etag);
        Assert.Contains("await-platform-answer", (await cannotClose.AssertProblemAsync(HttpStatusCode.Conflict))["detail"]!.GetValue<string>());

        (etag, _) = await staff.CommandAsync(id, "record-platform-answer", new { outcome = "removed", note = "アカウント凍結を確認" }, etag);
        (etag, incident) = await head.CommandAsync(id, "steps/press-release/waive", new { reason = "ホームページでの注意喚起で十分と判断" }, etag);
        Assert.Equal("waived", incident.StepStatus("press-release"));
        (etag, _) = await head.CommandAsync(id, "resolve", new { summary = "偽アカウントは凍結された" }, etag);
        (_, incident) = await ciso.CommandAsync(id, "close", null, etag);

        Assert.Equal("closed", incident["status"]!.GetValue<string>());
        Assert.Equal(0, await fixture.Database.CountAsync("timers"));
        var listed = await (await staff.GetAsync("/api/incidents?status=closed")).JsonAsync();
        Assert.Equal(id, listed["items"]![0]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_account_takeover_with_an_infected_pc_needs_a_clean_rescan_before_it_can_close()
    {
        var staff = await fixture.Factory.ClientForAsync("alice", Role.Staff);
        var manager = await fixture.Factory.ClientForAsync("kenji", Role.SecurityManager);
        var head = await fixture.Factory.ClientForAsync("hiroshi", Role.DepartmentHead);

        await fixture.Factory.RegisterOfficialAccountAsync("instagram", "@misato_town_official", "https://www.instagram.com/misato_town_official");
        var (id, etag) = await staff.ReportAsync(ApiCalls.TakeoverReport());
        (etag, _) = await staff.CommandAsync(id, "record-password-rotation", new { note = "二段階認証も有効化" }, etag);
        (etag, _) = await staff.CommandAsync(id, "record-deleted-posts", new { postUrls = new[] { "https://www.instagram.com/p/abc" } }, etag);
        (etag, _) = await staff.CommandAsync(id, "report-to-officers", new { recipients = new[] { "ciso", "security-manager" } }, etag);
        (etag, var incident) = await manager.CommandAsync(id, "record-pc-scan", new { deviceName = "PR-PC-07", result = "infected", findings = "Trojan.Generic" }, etag);
        Assert.Equal("completed", incident.StepStatus("full-scan-pc"));
        Assert.Equal("open", incident.StepStatus("remove-malware"));

        var refused = await manager.PostJsonAsync($"/api/incidents/{id}/close", null, etag);
        await refused.AssertProblemAsync(HttpStatusCode.Conflict);

        (etag, incident) = await manager.CommandAsync(id, "record-pc-scan", new { deviceName = "PR-PC-07", result = "clean" }, etag);
        Assert.Equal("completed", incident.StepStatus("remove-malware"));
        (etag, _) = await head.CommandAsync(id, "record-police-contact", new { station = "美里警察署", caseReference = "R8-123" }, etag);
        (_, incident) = await manager.CommandAsync(id, "close", null, etag);

        Assert.Equal("closed", incident["status"]!.GetValue<string>());
        Assert.Equal("waived", incident.StepStatus("publish-warning"));
        Assert.Equal("completed", incident.StepStatus("contact-police"));
    }

    [Fact]
    public async Task A_closed_incident_refuses_commands_until_it_is_reopened()
    {
        var staff = await fixture.Factory.ClientForAsync("alice", Role.Staff);
        var ciso = await fixture.Factory.ClientForAsync("sato", Role.Ciso, Role.DepartmentHead);
        var (id, etag) = await staff.ReportAsync(new
        {
            kind = "backlash", platform = "facebook", accountHandle = "misato.town", whatWasSeen = "イベント告知への批判が殺到",
        });
        (etag, _) = await staff.CommandAsync(id, "report-to-officers", new { recipients = new[] { "department-head", "general-affairs" } }, etag);
        (etag, var incident) = await ciso.CommandAsync(id, "draft-statement", new { kind = "apology", channels = new[] { "official-account" }, text = "ご不快な思いをおかけしました。" }, etag);
        var statement = incident["statements"]![0]!["id"]!.GetValue<string>();
        var other = await fixture.Factory.ClientForAsync("yuki", Role.PublishingOfficer);
        (etag, _) = await other.CommandAsync(id, $"statements/{statement}/approve", null, etag);
        (etag, _) = await staff.CommandAsync(id, $"statements/{statement}/publish", new { }, etag);
        (etag, _) = await staff.CommandAsync(id, "steps/fix-problem/complete", new { note = "告知文を修正" }, etag);
        (etag, _) = await ciso.CommandAsync(id, "close", null, etag);

        var refused = await staff.PostJsonAsync($"/api/incidents/{id}/record-police-contact", new { station = "美里警察署" }, etag);
        Assert.Equal("incident-closed", (await refused.AssertProblemAsync(HttpStatusCode.Conflict))["code"]!.GetValue<string>());

        (etag, incident) = await ciso.CommandAsync(id, "reopen", new { reason = "再燃", stepKeys = new[] { "first-public-word" } }, etag);
        Assert.Equal("responding", incident["status"]!.GetValue<string>());
        Assert.Equal("open", incident.StepStatus("first-public-word"));
        await staff.CommandAsync(id, "record-police-contact", new { station = "美里警察署" }, etag);
    }
}
