using System.Net;
using Incidents.Api.Access;
using Incidents.Api.Tests.Support;
using Incidents.Domain.Access;

namespace Incidents.Api.Tests.Deadlines;

/// <summary>A step past its deadline climbs its escalation ladder, driven by the timer worker and a controllable clock.</summary>
public sealed class EscalationTests(ApiFixture fixture) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private const string RotatePassword = "rotate-password";

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private void Advance(TimeSpan by) => fixture.Factory.AdvanceAndWakeTimers(fixture.Clock, by);

    private Task<long> AwaitEscalations(string id, string step, long count) =>
        Escalations.AwaitAsync(fixture.Database, id, step, count, () => Wake.Timers(fixture.Factory));

    [Fact]
    public async Task Opening_a_step_writes_its_deadline_timer_in_the_same_transaction_as_the_event()
    {
        var staff = await fixture.Factory.ClientForAsync("alice", Role.Staff);
        var reportedAt = fixture.Clock.GetUtcNow();

        await fixture.Factory.EnsureTakeoverAccountAsync();
        var (id, _) = await staff.ReportAsync(ApiCalls.TakeoverReport());

        var keys = await fixture.Database.ListAsync<string>("select key from timers where stream_id = $1 order by due_at, key", "incident-" + id);
        Assert.Equal($"{id}/{RotatePassword}/1/1", keys[0]);
        Assert.Equal(reportedAt.AddMinutes(30), await fixture.Database.ScalarAsync<DateTime>("select due_at from timers where key = $1", keys[0]));
        var opened = await fixture.Database.ScalarAsync<long>(
            "select count(*) from events where stream_id = $1 and type = 'step-opened'", "incident-" + id);
        Assert.Equal(opened, keys.Count);
        var writtenElsewhere = await fixture.Database.ScalarAsync<long>("""
            select count(*) from timers t
             where t.stream_id = $1
               and t.xmin::text::bigint <> (select e.transaction_id::text::bigint % 4294967296 from events e
                                             where e.stream_id = $1 and e.stream_version = 1)
            """, "incident-" + id);
        Assert.Equal(0, writtenElsewhere);
    }

    [Fact]
    public async Task A_step_past_its_deadline_escalates_level_by_level_and_repeats_at_the_last_level()
    {
        var staff = await fixture.Factory.ClientForAsync("alice", Role.Staff);
        await fixture.Factory.EnsureTakeoverAccountAsync();
        var (id, _) = await staff.ReportAsync(ApiCalls.TakeoverReport());

        // rotate-password: due in 30 minutes; its urgent ladder reminds staff at the deadline, the department head 15 minutes
        // later, the CISO 15 minutes after that, then the CISO again every 30 minutes until someone acts.
        Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(0, await Escalations.CountAsync(fixture.Database, id, RotatePassword));
        foreach (var (minutes, escalation) in new[] { (1, 1), (15, 2), (15, 3), (30, 4), (30, 5) })
        {
            Advance(TimeSpan.FromMinutes(minutes));
            Assert.Equal(escalation, await AwaitEscalations(id, RotatePassword, escalation));
        }

        var timeline = (await (await staff.GetAsync($"/api/incidents/{id}/timeline")).JsonAsync())["items"]!.AsArray()
            .Where(e => e!["type"]!.GetValue<string>() == "step-escalated" && e["data"]!["stepKey"]!.GetValue<string>() == RotatePassword)
            .ToList();
        Assert.Equal(
            [("staff", 1, false), ("department-head", 2, false), ("ciso", 3, false), ("ciso", 3, true), ("ciso", 3, true)],
            timeline.Select(e => (e!["data"]!["notifiedRole"]!.GetValue<string>(), e["data"]!["level"]!.GetValue<int>(), e["data"]!["isRepeat"]!.GetValue<bool>())));
        Assert.All(timeline, e => Assert.Equal(("automation", SystemActors.DeadlineTimers.Id), (e!["actorRole"]!.GetValue<string>(), e["actorId"]!.GetValue<string>())));
        var firedAt = timeline.Select(e => e!["recordedAt"]!.GetValue<DateTimeOffset>() - timeline[0]!["recordedAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal([0, 15, 30, 60, 90], firedAt.Select(t => (int)t.TotalMinutes));

        var (_, incident) = await staff.GetIncidentAsync(id);
        var step = incident.Step(RotatePassword);
        Assert.True(step["overdue"]!.GetValue<bool>());
        Assert.Equal((5, 3, "ciso"), (step["escalations"]!.GetValue<int>(), step["escalationLevel"]!.GetValue<int>(), step["escalatedTo"]!.GetValue<string>()));
        Assert.Equal(fixture.Clock.GetUtcNow().AddMinutes(30), step["nextEscalationAt"]!.GetValue<DateTimeOffset>());
        Assert.True(incident["overdue"]!.GetValue<bool>());
        Assert.Equal(3, incident["escalationLevel"]!.GetValue<int>());

        var overdue = await (await staff.GetAsync("/api/incidents?overdue=true")).JsonAsync();
        var listed = Assert.Single(overdue["items"]!.AsArray())!;
        Assert.Equal((id, 3), (listed["id"]!.GetValue<string>(), listed["escalationLevel"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Completing_the_step_cancels_its_timers_and_stops_the_escalation()
    {
        var staff = await fixture.Factory.ClientForAsync("alice", Role.Staff);
        await fixture.Factory.EnsureTakeoverAccountAsync();
        var (id, _) = await staff.ReportAsync(ApiCalls.TakeoverReport());
        Advance(TimeSpan.FromMinutes(30));
        await AwaitEscalations(id, RotatePassword, 1);
        Advance(TimeSpan.FromMinutes(15));
        await AwaitEscalations(id, RotatePassword, 2);

        var (etag, _) = await staff.GetIncidentAsync(id);
        (_, var incident) = await staff.CommandAsync(id, "record-password-rotation", new { note = "二段階認証も設定" }, etag);

        Assert.Equal("completed", incident.StepStatus(RotatePassword));
        Assert.Equal(0, await fixture.Database.ScalarAsync<long>("select count(*) from timers where group_key = $1", $"{id}/{RotatePassword}"));
        Advance(TimeSpan.FromHours(3));
        await Escalations.AwaitNoneDueAsync(fixture.Database, fixture.Clock.GetUtcNow(), () => Wake.Timers(fixture.Factory));
        Assert.Equal(1, await Escalations.CountAsync(fixture.Database, id, "report-to-officers"));
        Assert.Equal(2, await Escalations.CountAsync(fixture.Database, id, RotatePassword));
        (_, incident) = await staff.GetIncidentAsync(id);
        Assert.False(incident.Step(RotatePassword)["overdue"]!.GetValue<bool>());
        Assert.Null(incident.Step(RotatePassword)["nextEscalationAt"]?.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task Waiving_a_step_cancels_its_timers_in_the_same_command()
    {
        var staff = await fixture.Factory.ClientForAsync("alice", Role.Staff);
        var head = await fixture.Factory.ClientForAsync("hiroshi", Role.DepartmentHead);
        await fixture.Factory.EnsureTakeoverAccountAsync();
        var (id, etag) = await staff.ReportAsync(ApiCalls.TakeoverReport());
        Assert.Equal(1, await fixture.Database.ScalarAsync<long>("select count(*) from timers where group_key = $1", $"{id}/contact-police"));

        (_, var incident) = await head.CommandAsync(id, "steps/contact-police/waive", new { reason = "不正アクセスの形跡なし" }, etag);

        Assert.Equal("waived", incident.StepStatus("contact-police"));
        Assert.Equal(0, await fixture.Database.ScalarAsync<long>("select count(*) from timers where group_key = $1", $"{id}/contact-police"));
        Advance(TimeSpan.FromDays(2));
        await Escalations.AwaitNoneDueAsync(fixture.Database, fixture.Clock.GetUtcNow(), () => Wake.Timers(fixture.Factory));
        Assert.Equal(0, await Escalations.CountAsync(fixture.Database, id, "contact-police"));
        Assert.Equal(1, await Escalations.CountAsync(fixture.Database, id, "full-scan-pc"));
    }

    [Fact]
    public async Task A_timer_that_fires_after_its_step_completed_appends_nothing()
    {
        var staff = await fixture.Factory.ClientForAsync("alice", Role.Staff);
        await fixture.Factory.EnsureTakeoverAccountAsync();
        var (id, etag) = await staff.ReportAsync(ApiCalls.TakeoverReport());
        (_, _) = await staff.CommandAsync(id, "record-password-rotation", new { }, etag);
        var (versionBefore, _) = await staff.GetIncidentAsync(id);

        // As if a node had claimed the timer before the step completed and fired it afterwards.
        await fixture.Database.ExecuteAsync("""
            insert into timers (key, stream_id, group_key, due_at, message_type, payload, created_at)
            values ($1, $2, $3, $4, 'escalate-overdue-step', $5::jsonb, $4)
            """,
            $"{id}/{RotatePassword}/1/1", "incident-" + id, $"{id}/{RotatePassword}", fixture.Clock.GetUtcNow(),
            $$"""{"incidentId":"{{id}}","stepKey":"{{RotatePassword}}","generation":1,"escalation":1}""");
        Wake.Timers(fixture.Factory);

        await Eventually.ReadAsync(
            () => fixture.Database.ScalarAsync<long>("select count(*) from timers where key = $1", $"{id}/{RotatePassword}/1/1"),
            n => n == 0, "the stale timer to be consumed", () => Wake.Timers(fixture.Factory));
        var (versionAfter, _) = await staff.GetIncidentAsync(id);
        Assert.Equal(versionBefore, versionAfter);
        Assert.Equal(0, await Escalations.CountAsync(fixture.Database, id, RotatePassword));
    }

    [Fact]
    public async Task A_timer_that_cannot_be_read_is_postponed_and_reported_instead_of_spinning()
    {
        var staff = await fixture.Factory.ClientForAsync("alice", Role.Staff);
        var due = fixture.Clock.GetUtcNow();
        await fixture.Database.ExecuteAsync("""
            insert into timers (key, stream_id, group_key, due_at, message_type, payload, created_at)
            values ('poison', 'incident-00000000-0000-0000-0000-000000000001', 'poison', $1, 'no-such-message', '{}'::jsonb, $1)
            """, due);
        await fixture.Factory.EnsureTakeoverAccountAsync();
        var (id, _) = await staff.ReportAsync(ApiCalls.TakeoverReport());
        Wake.Timers(fixture.Factory);

        var attempts = await Eventually.ReadAsync(
            () => fixture.Database.ScalarAsync<int>("select attempts from timers where key = 'poison'"), n => n >= 1, "a failed attempt");
        Assert.Equal(1, attempts);
        Assert.True(await fixture.Database.ScalarAsync<DateTime>("select due_at from timers where key = 'poison'") > due.UtcDateTime);
        Assert.Contains("no-such-message", await fixture.Database.ScalarAsync<string>("select last_error from timers where key = 'poison'"));

        Advance(TimeSpan.FromMinutes(30));
        await AwaitEscalations(id, RotatePassword, 1);
        await fixture.Database.ExecuteAsync("update timers set attempts = 5 where key = 'poison'");
        var health = await (await fixture.Factory.CreateClient().GetAsync("/health/ready")).JsonAsync();
        Assert.Equal("degraded", health["checks"]!["deadline-timers"]!["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await fixture.Factory.CreateClient().GetAsync("/health/ready")).StatusCode);
    }
}
