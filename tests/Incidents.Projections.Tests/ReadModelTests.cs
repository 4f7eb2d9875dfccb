using Incidents.Domain.Access;
using Incidents.Projections.Metrics;
using Incidents.Projections.Overdue;
using Incidents.Projections.Timeline;
using Microsoft.Extensions.DependencyInjection;

namespace Incidents.Projections.Tests;

public sealed class ReadModelTests(ProjectionFixture fixture) : IClassFixture<ProjectionFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_timeline_holds_every_event_each_step_opening_and_its_escalations()
    {
        var id = await new Scenarios(fixture.Node, fixture.Clock).TakeoverOpenAsync("@misato_official");
        await fixture.CaughtUpAsync();

        var timeline = await fixture.Node.Services.GetRequiredService<TimelineQuery>().ReadAsync(Guid.Parse(id), default);

        var events = await TableSnapshot.ScalarAsync(fixture.Database.ConnectionString, $"select version from streams where stream_id = 'incident-{id}'");
        Assert.Equal(Enumerable.Range(1, (int)events).Select(v => (long)v), timeline.Marks.Select(m => m.StreamVersion));
        var escalations = timeline.Marks.Where(m => m.Type == "step-escalated").ToList();
        Assert.Equal([1, 2], escalations.Select(m => m.EscalationLevel!.Value));
        Assert.Equal(["staff", "department-head"], escalations.Select(m => m.NotifiedRole!));
        var report = Assert.Single(timeline.Steps, s => s.StepKey == "report-to-officers");
        Assert.Equal(("open", 2, 2), (report.Status, report.Escalations, report.EscalationLevel));
        var scan = Assert.Single(timeline.Steps, s => s.StepKey == "full-scan-pc");
        Assert.Equal(("completed", "kenji"), (scan.Status, scan.Assignee));
        Assert.Contains(timeline.Steps, s => s.StepKey == "remove-malware" && s.Status == "open");
    }

    [Fact]
    public async Task A_step_joins_the_overdue_queue_when_its_deadline_passes_and_leaves_when_it_is_done()
    {
        var staff = await fixture.Node.ClientForAsync("alice", Role.Staff);
        var queue = fixture.Node.Services.GetRequiredService<OverdueQueueQuery>();
        await fixture.Node.RegisterOfficialAccountAsync("instagram", "@misato_official", "https://www.instagram.com/misato_official");
        var (id, etag) = await staff.ReportAsync(Http.Takeover("@misato_official"));
        await fixture.CaughtUpAsync();
        Assert.Empty(await queue.ReadAsync(fixture.Clock.GetUtcNow(), 50, default));

        fixture.Clock.Advance(TimeSpan.FromMinutes(31));
        var overdue = Assert.Single(await queue.ReadAsync(fixture.Clock.GetUtcNow(), 50, default));
        Assert.Equal(("rotate-password", TimeSpan.FromMinutes(1), "account-takeover"), (overdue.StepKey, overdue.OverdueBy, overdue.Kind));

        await staff.CommandAsync(id, "record-password-rotation", new { }, etag);
        await fixture.CaughtUpAsync();
        Assert.Empty(await queue.ReadAsync(fixture.Clock.GetUtcNow(), 50, default));
    }

    [Fact]
    public async Task Response_metrics_give_the_median_and_90th_percentile_per_kind_and_month()
    {
        var staff = await fixture.Node.ClientForAsync("alice", Role.Staff);
        fixture.Clock.SetUtcNow(new DateTimeOffset(2026, 5, 31, 14, 30, 0, TimeSpan.Zero));
        for (var minutes = 1; minutes <= 10; minutes++)
        {
            var (id, etag) = await staff.ReportAsync(Http.Impersonation($"@fake{minutes}"));
            fixture.Clock.Advance(TimeSpan.FromMinutes(minutes));
            await staff.CommandAsync(id, "report-to-officers", new { recipients = new[] { "ciso" } }, etag);
        }

        await staff.ReportAsync(Http.Backlash("misato.town"));
        await fixture.CaughtUpAsync();

        var metrics = await fixture.Node.Services.GetRequiredService<ResponseMetricsQuery>()
            .ReadAsync(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), default);

        // Reports from 14:30 UTC on 31 May, 23:30 in Tokyo, each later than the last by the minutes it took the one
        // before: the first eight fall in May there, the last two (15:06 and 15:15 UTC) in June.
        var may = Assert.Single(metrics, m => m.Kind == "impersonation" && m.Month == new DateOnly(2026, 5, 1));
        var june = Assert.Single(metrics, m => m.Kind == "impersonation" && m.Month == new DateOnly(2026, 6, 1));
        Assert.Equal((8, 2), (may.Incidents, june.Incidents));
        Assert.Equal((TimeSpan.FromMinutes(4.5), TimeSpan.FromMinutes(7.3)), (may.ToCisoReport.Median, may.ToCisoReport.P90));
        Assert.Equal((TimeSpan.FromMinutes(9.5), TimeSpan.FromMinutes(9.9)), (june.ToCisoReport.Median, june.ToCisoReport.P90));
        Assert.Equal(0, may.ToTakedownRequest.Count);
        Assert.Null(may.ToTakedownRequest.Median);
        Assert.Contains(metrics, m => m.Kind == "backlash" && m.ToCisoReport.Count == 0);
    }
}
