using Incidents.Api.Pipeline;
using Incidents.Domain.Access;
using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Commands;
using Incidents.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Incidents.Projections.Tests;

/// <summary>Incidents walked through the API by the people of the guidelines, touching every kind of event.</summary>
public sealed class Scenarios(ApiFactory node, ManualTimeProvider clock)
{
    public async Task<(HttpClient Staff, HttpClient Head, HttpClient Officer, HttpClient Ciso, HttpClient Manager)> PeopleAsync() => (
        await node.ClientForAsync("alice", Role.Staff),
        await node.ClientForAsync("hiroshi", Role.DepartmentHead),
        await node.ClientForAsync("yuki", Role.PublishingOfficer),
        await node.ClientForAsync("sato", Role.Ciso),
        await node.ClientForAsync("kenji", Role.SecurityManager));

    /// <summary>Reported, escalated once, reported to officers, taken down, warned about, answered, resolved, closed.</summary>
    public async Task<string> ImpersonationClosedAsync(string handle)
    {
        var (staff, head, officer, ciso, _) = await PeopleAsync();
        var (id, etag) = await staff.ReportAsync(Http.Impersonation(handle));
        (etag, _) = await head.CommandAsync(id, "acknowledge", null, etag);
        (etag, _) = await head.CommandAsync(id, "assign", new { assignee = "alice" }, etag);
        clock.Advance(TimeSpan.FromMinutes(65));
        await EscalateAsync(id, "report-to-officers", 1, 1);
        etag = await ETagAsync(staff, id);
        (etag, _) = await staff.CommandAsync(id, "report-to-officers", new { recipients = new[] { "ciso", "department-head", "general-affairs" } }, etag);
        clock.Advance(TimeSpan.FromMinutes(30));
        (etag, _) = await staff.CommandAsync(id, "request-takedown", new { reference = "X report #123" }, etag);
        (etag, var incident) = await staff.CommandAsync(id, "draft-statement", new
        {
            kind = "warning", channels = new[] { "homepage", "official-account" }, text = "偽アカウントにご注意ください。",
        }, etag);
        var statement = incident["statements"]![0]!["id"]!.GetValue<string>();
        (etag, _) = await staff.CommandAsync(id, $"statements/{statement}/revise", new { text = "【注意】偽アカウントにご注意ください。" }, etag);
        (etag, _) = await officer.CommandAsync(id, $"statements/{statement}/approve", null, etag);
        clock.Advance(TimeSpan.FromMinutes(20));
        (etag, _) = await staff.CommandAsync(id, $"statements/{statement}/publish", new { publishedUrl = "https://www.town.misato.example/news/1" }, etag);
        (etag, _) = await staff.CommandAsync(id, "record-platform-answer", new { outcome = "removed" }, etag);
        (etag, _) = await head.CommandAsync(id, "steps/press-release/waive", new { reason = "ホームページで十分" }, etag);
        (etag, _) = await head.CommandAsync(id, "resolve", new { summary = "凍結された" }, etag);
        clock.Advance(TimeSpan.FromHours(2));
        await ciso.CommandAsync(id, "close", null, etag);
        return id;
    }

    /// <summary>A takeover with an infected PC, a step assigned, a clean rescan, police contacted; left open.</summary>
    public async Task<string> TakeoverOpenAsync(string handle)
    {
        var (staff, head, _, _, manager) = await PeopleAsync();
        await node.RegisterOfficialAccountAsync("instagram", handle, $"https://www.instagram.com/{handle.TrimStart('@')}");
        var (id, etag) = await staff.ReportAsync(Http.Takeover(handle));
        (etag, _) = await head.CommandAsync(id, "steps/full-scan-pc/assign", new { assignee = "kenji" }, etag);
        (etag, _) = await staff.CommandAsync(id, "record-password-rotation", new { note = "二段階認証も有効化" }, etag);
        (etag, _) = await staff.CommandAsync(id, "record-deleted-posts", new { postUrls = new[] { "https://www.instagram.com/p/abc" } }, etag);
        (etag, _) = await manager.CommandAsync(id, "record-pc-scan", new { deviceName = "PR-PC-07", result = "infected", findings = "Trojan" }, etag);
        (etag, _) = await head.CommandAsync(id, "record-police-contact", new { station = "美里警察署" }, etag);
        clock.Advance(TimeSpan.FromMinutes(70));
        await EscalateAsync(id, "report-to-officers", 1, 1);
        await EscalateAsync(id, "report-to-officers", 1, 2);
        return id;
    }

    /// <summary>A backlash that is closed, reopened (a step opens a second time) and worked again.</summary>
    public async Task<string> BacklashReopenedAsync(string handle)
    {
        var (staff, head, officer, ciso, _) = await PeopleAsync();
        var (id, etag) = await staff.ReportAsync(Http.Backlash(handle));
        (etag, _) = await staff.CommandAsync(id, "report-to-officers", new { recipients = new[] { "department-head", "general-affairs" } }, etag);
        (etag, var incident) = await head.CommandAsync(id, "draft-statement", new { kind = "apology", channels = new[] { "official-account" }, text = "ご不快な思いをおかけしました。" }, etag);
        var statement = incident["statements"]![0]!["id"]!.GetValue<string>();
        (etag, _) = await officer.CommandAsync(id, $"statements/{statement}/approve", null, etag);
        (etag, _) = await staff.CommandAsync(id, $"statements/{statement}/publish", new { }, etag);
        (etag, _) = await staff.CommandAsync(id, "steps/fix-problem/complete", new { note = "告知文を修正" }, etag);
        (etag, _) = await ciso.CommandAsync(id, "close", null, etag);
        clock.Advance(TimeSpan.FromHours(5));
        await ciso.CommandAsync(id, "reopen", new { reason = "再燃", stepKeys = new[] { "first-public-word" } }, etag);
        return id;
    }

    /// <summary>What the deadline timers do when a step runs late: the same command, through the same pipeline.</summary>
    public async Task EscalateAsync(string id, string stepKey, int generation, int escalation)
    {
        var pipeline = node.Services.GetRequiredService<CommandPipeline>();
        var outcome = await pipeline.ExecuteAsync(new CommandRequest(
            new IncidentId(Guid.Parse(id)), new EscalateOverdueStep(stepKey, generation, escalation), new Actor("automation", Role.Automation),
            ExpectedIncidentVersion.Any, "test-escalation", Guid.NewGuid().ToString("D")), CancellationToken.None);
        Assert.IsType<CommandOutcome.Applied>(outcome);
    }

    private static async Task<string> ETagAsync(HttpClient client, string id) =>
        (await client.GetAsync($"/api/incidents/{id}")).Headers.ETag!.ToString();
}
