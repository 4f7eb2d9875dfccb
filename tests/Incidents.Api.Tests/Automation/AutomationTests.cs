using System.Net;
using Incidents.Domain.Access;

namespace Incidents.Api.Tests.Automation;

/// <summary>A program with the automation role calls the same commands as people, and what it causes is attributed to it.</summary>
public sealed class AutomationTests(ApiFixture fixture) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Automation_records_a_takedown_outcome_and_its_events_are_attributed_to_it()
    {
        var staff = await fixture.Factory.ClientForAsync("alice", Role.Staff);
        var bot = await fixture.Factory.ClientForAsync("platform-bot", Role.Automation);
        var (id, etag) = await staff.ReportAsync();

        (etag, _) = await bot.CommandAsync(id, "request-takedown", new { reference = "X report #42" }, etag);
        (_, var incident) = await bot.CommandAsync(id, "record-platform-answer", new { outcome = "removed", note = "自動確認" }, etag);

        Assert.Equal("completed", incident.StepStatus("await-platform-answer"));
        Assert.Equal("removed", incident["lastPlatformAnswer"]!.GetValue<string>());
        var botId = await fixture.Factory.UserIdAsync("platform-bot");
        var caused = (await (await staff.GetAsync($"/api/incidents/{id}/timeline")).JsonAsync())["items"]!.AsArray()
            .Where(e => e!["type"]!.GetValue<string>() is "takedown-requested" or "platform-answer-recorded" or "step-completed").ToList();
        Assert.NotEmpty(caused);
        Assert.All(caused, e => Assert.Equal(
            (botId, "automation", botId),
            (e!["actorId"]!.GetValue<string>(), e["actorRole"]!.GetValue<string>(), e["data"]!["by"]!.GetValue<string>())));
    }

    [Fact]
    public async Task Automation_can_open_a_follow_up_by_recording_an_infected_scan()
    {
        var staff = await fixture.Factory.ClientForAsync("alice", Role.Staff);
        var scanner = await fixture.Factory.ClientForAsync("edr-bot", Role.Automation);
        await fixture.Factory.EnsureTakeoverAccountAsync();
        var (id, etag) = await staff.ReportAsync(ApiCalls.TakeoverReport());

        (_, var incident) = await scanner.CommandAsync(id, "record-pc-scan", new { deviceName = "PR-PC-07", result = "infected", findings = "Trojan.Generic" }, etag);

        Assert.Equal("completed", incident.StepStatus("full-scan-pc"));
        Assert.Equal("open", incident.StepStatus("remove-malware"));
        var opened = (await (await staff.GetAsync($"/api/incidents/{id}/timeline")).JsonAsync())["items"]!.AsArray()
            .Last(e => e!["type"]!.GetValue<string>() == "step-opened")!;
        Assert.Equal(("remove-malware", "automation"), (opened["data"]!["stepKey"]!.GetValue<string>(), opened["actorRole"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Automation_may_not_write_public_statements()
    {
        var staff = await fixture.Factory.ClientForAsync("alice", Role.Staff);
        var bot = await fixture.Factory.ClientForAsync("platform-bot", Role.Automation);
        var (id, etag) = await staff.ReportAsync();

        var response = await bot.PostJsonAsync($"/api/incidents/{id}/draft-statement",
            new { kind = "warning", channels = new[] { "homepage" }, text = "自動生成の注意喚起" }, etag);

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }
}
