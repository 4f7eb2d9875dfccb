using Xunit.Abstractions;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Incidents.Domain.Access;
using Incidents.Domain.Incidents.Events;
using Incidents.Faults.Tests.Support;
using Incidents.Testing;

namespace Incidents.Faults.Tests;

/// <summary>
/// The service process is killed outright (SIGKILL) while clients report incidents and complete steps and while
/// deadline timers are firing; a new process starts on the same database. Nothing acknowledged may be missing, no timer
/// may be lost or fire twice, and the projections must catch up without a duplicate row.
/// </summary>
public sealed class ServiceKillTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string ReportStep = "report-to-officers";

    /// <summary>
    /// The report step of an impersonation falls due 2 s after it opens and escalates at once, then 2 s later, then
    /// hourly: within seconds every incident has timers firing, and after 4 s each open report step has escalated twice
    /// and waits for its third timer.
    /// </summary>
    private static readonly Dictionary<string, string> FastDeadlines = new()
    {
        [$"Runbooks:Overrides:impersonation:{ReportStep}:Deadline"] = "2s",
        [$"Runbooks:Overrides:impersonation:{ReportStep}:Ladder:Rungs:0:After"] = "0s",
        [$"Runbooks:Overrides:impersonation:{ReportStep}:Ladder:Rungs:0:Notify"] = "staff",
        [$"Runbooks:Overrides:impersonation:{ReportStep}:Ladder:Rungs:1:After"] = "2s",
        [$"Runbooks:Overrides:impersonation:{ReportStep}:Ladder:Rungs:1:Notify"] = "department-head",
        [$"Runbooks:Overrides:impersonation:{ReportStep}:Ladder:RepeatEvery"] = "1h",
    };

    private static readonly TimeSpan LastEscalationAfterOpening = TimeSpan.FromSeconds(4);

    private readonly List<ServiceProcess> _nodes = [];
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync("kill");

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        await _database.DisposeAsync();
    }

    [Fact]
    public async Task After_a_SIGKILL_under_load_every_acknowledged_command_is_stored_every_timer_fires_once_and_projections_catch_up()
    {
        var first = await StartNodeAsync();
        var token = await ServiceProcess.CreateUserAsync(_database.ConnectionString, "alice", Role.Staff);
        var acknowledged = new ConcurrentBag<Acknowledged>();
        using var stopLoad = new CancellationTokenSource();
        var clients = Enumerable.Range(0, 6).Select(client => Task.Run(() => RespondAsync(first, token, client, acknowledged, stopLoad.Token))).ToList();

        // Long enough that the worker is firing the first incidents' timers when the kill comes, and others fall due
        // while no process runs.
        await Task.Delay(TimeSpan.FromSeconds(4));
        await first.KillAsync();
        var killedAt = DateTimeOffset.UtcNow;
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        await stopLoad.CancelAsync();
        await Task.WhenAll(clients);
        Assert.Contains(acknowledged, a => a.Command == "report");
        Assert.Contains(acknowledged, a => a.Command == ReportStep);

        await StartNodeAsync();

        var stored = await StoredEvents.ReadAllAsync(_database.ConnectionString);
        EveryAcknowledgedCommandIsStored(acknowledged, stored);
        await StreamsAreContiguousAsync();

        stored = await UntilEveryDueEscalationFiredAsync(killedAt);
        await EveryTimerFiredOnceAndEveryOpenStepHasItsNextTimerAsync(stored);
        var escalations = stored.Where(e => e.Event is StepEscalated).ToList();
        output.WriteLine($"{acknowledged.Count} commands acknowledged before the kill, {stored.Select(e => e.IncidentId).Distinct().Count()} incidents stored; " +
                         $"{escalations.Count(e => e.RecordedAt < killedAt)} escalations before the kill, {escalations.Count(e => e.RecordedAt >= killedAt)} after");

        await ProjectionCatchUp.WaitAsync(_database.ConnectionString, TimeSpan.FromSeconds(60));
        await ProjectionsMatchTheEventsAsync(stored);
    }

    private async Task<ServiceProcess> StartNodeAsync()
    {
        var node = await ServiceProcess.StartAsync(_database.ConnectionString, FastDeadlines);
        _nodes.Add(node);
        return node;
    }

    /// <summary>One client: reports an incident, and for every other one completes its report step with the ETag it was given.</summary>
    private static async Task RespondAsync(ServiceProcess node, string token, int client, ConcurrentBag<Acknowledged> acknowledged, CancellationToken stop)
    {
        using var http = node.Client(token);
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            try
            {
                using var report = await http.PostAsJsonAsync("/api/incidents", new
                {
                    kind = "impersonation", platform = "x", accountHandle = $"@fake_{client}_{n}", whatWasSeen = "偽アカウント",
                }, CancellationToken.None);
                if (report.StatusCode != HttpStatusCode.Created)
                {
                    continue;
                }

                var id = Guid.Parse(JsonNode.Parse(await report.Content.ReadAsStringAsync(CancellationToken.None))!["id"]!.GetValue<string>());
                acknowledged.Add(new Acknowledged(id, "report", Version(report)));
                if (n % 2 == 1)
                {
                    continue;
                }

                using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/incidents/{id}/{ReportStep}")
                {
                    Content = JsonContent.Create(new { recipients = new[] { "ciso", "department-head", "general-affairs" } }),
                };
                request.Headers.IfMatch.Add(report.Headers.ETag!);
                using var step = await http.SendAsync(request, CancellationToken.None);
                if (step.StatusCode == HttpStatusCode.OK)
                {
                    acknowledged.Add(new Acknowledged(id, ReportStep, Version(step)));
                }
            }
            catch (HttpRequestException)
            {
                // The process is gone: this request was never acknowledged.
                await Task.Delay(20, CancellationToken.None);
            }
        }
    }

    private static void EveryAcknowledgedCommandIsStored(IEnumerable<Acknowledged> acknowledged, IReadOnlyList<StoredEvent> stored)
    {
        var streams = stored.ToLookup(e => e.IncidentId);
        foreach (var ack in acknowledged)
        {
            var stream = streams[ack.IncidentId].ToList();
            Assert.True(stream.Count >= ack.Version, $"{ack.Command} of {ack.IncidentId} was acknowledged at version {ack.Version}, the stream has {stream.Count}");
            var upToAck = stream.Where(e => e.Version <= ack.Version).Select(e => e.Event).ToList();
            Assert.True(ack.Command == "report"
                ? upToAck.OfType<IncidentReported>().Count() == 1
                : upToAck.OfType<OfficersReported>().Count() == 1 && upToAck.OfType<StepCompleted>().Any(c => c.StepKey == ReportStep),
                $"{ack.Command} of {ack.IncidentId} is not in the stream up to version {ack.Version}");
        }
    }

    /// <summary>Every incident stream's versions run from 1 to the stream's version without a gap (one statement: one snapshot).</summary>
    private async Task StreamsAreContiguousAsync()
    {
        var streams = await _database.RowsAsync("""
            select s.stream_id, s.version, count(e.position), coalesce(min(e.stream_version), 0), coalesce(max(e.stream_version), 0)
              from streams s left join events e on e.stream_id = s.stream_id
             where s.stream_id like 'incident-%'
             group by s.stream_id, s.version
            """);
        Assert.NotEmpty(streams);
        Assert.All(streams, row => Assert.True(
            (long)row[2] == (long)row[1] && (long)row[3] == 1 && (long)row[4] == (long)row[1],
            $"{row[0]} is at version {row[1]} but holds {row[2]} events numbered {row[3]} to {row[4]}"));
        Assert.Equal(0L, await _database.ScalarAsync<long>("select count(*) from events e where not exists (select 1 from streams s where s.stream_id = e.stream_id)"));
    }

    /// <summary>Waits (polling the events, within a bound) until every report step still open has had both escalations that fell due.</summary>
    private async Task<IReadOnlyList<StoredEvent>> UntilEveryDueEscalationFiredAsync(DateTimeOffset killedAt)
    {
        var giveUp = Stopwatch.StartNew();
        while (true)
        {
            var stored = await StoredEvents.ReadAllAsync(_database.ConnectionString);
            var missing = ReportStepOpenings(stored).Where(s => s.Completed is null && s.Escalations.Count < 2).ToList();
            var allDue = DateTimeOffset.UtcNow > killedAt + LastEscalationAfterOpening;
            if (missing.Count == 0 && allDue)
            {
                return stored;
            }

            Assert.True(giveUp.Elapsed < TimeSpan.FromSeconds(45), $"{missing.Count} open report steps still lack an escalation that fell due");
            await Task.Delay(200);
        }
    }

    private async Task EveryTimerFiredOnceAndEveryOpenStepHasItsNextTimerAsync(IReadOnlyList<StoredEvent> stored)
    {
        var timers = (await _database.RowsAsync("select group_key, key from timers"))
            .ToLookup(r => (string)r[0], r => (string)r[1]);
        foreach (var opening in Openings(stored))
        {
            var fired = opening.Escalations.Select(e => e.Escalation).ToList();
            Assert.Equal(fired.Distinct().Count(), fired.Count);
            Assert.Equal(Enumerable.Range(1, fired.Count), fired.Order());
            var pending = timers[$"{opening.IncidentId:D}/{opening.StepKey}"].ToList();
            if (opening.Completed is { } completed)
            {
                Assert.Empty(pending);
                Assert.All(opening.Escalations, e => Assert.True(e.Version < completed, "an escalation was recorded after its step was completed"));
            }
            else
            {
                Assert.Equal(new[] { $"{opening.IncidentId:D}/{opening.StepKey}/{opening.Generation}/{fired.Count + 1}" }, pending);
                if (opening.StepKey == ReportStep)
                {
                    Assert.Equal(2, fired.Count);
                }
            }
        }
    }

    private async Task ProjectionsMatchTheEventsAsync(IReadOnlyList<StoredEvent> stored)
    {
        var timeline = await _database.RowsAsync("select incident_id, stream_version, type from timeline_events");
        Assert.Equal(
            stored.Select(e => (e.IncidentId, e.Version, e.Type)).Order(),
            timeline.Select(r => ((Guid)r[0], (long)r[1], (string)r[2])).Order());

        var summaries = await _database.RowsAsync("select incident_id, version from incident_summaries");
        Assert.Equal(
            stored.GroupBy(e => e.IncidentId).Select(g => (g.Key, g.Max(e => e.Version))).Order(),
            summaries.Select(r => ((Guid)r[0], (long)r[1])).Order());

        var deadlines = await _database.RowsAsync("select incident_id, step_key, generation, status, escalations from step_deadlines");
        Assert.Equal(
            Openings(stored).Select(o => (o.IncidentId, o.StepKey, o.Generation, o.Completed is null ? "open" : "completed", o.Escalations.Count)).Order(),
            deadlines.Select(r => ((Guid)r[0], (string)r[1], (int)r[2], (string)r[3], (int)r[4])).Order());
    }

    private static IEnumerable<StepOpening> ReportStepOpenings(IReadOnlyList<StoredEvent> stored) => Openings(stored).Where(o => o.StepKey == ReportStep);

    /// <summary>Every step opening in the events, with the version that completed it (if any) and its escalations.</summary>
    private static IEnumerable<StepOpening> Openings(IReadOnlyList<StoredEvent> stored) =>
        stored.GroupBy(e => e.IncidentId).SelectMany(stream =>
            stream.Where(e => e.Event is StepOpened).Select(e => (StepOpened)e.Event).Select(opened => new StepOpening(
                stream.Key,
                opened.StepKey,
                opened.Generation,
                stream.FirstOrDefault(e => e.Event is StepCompleted c && c.StepKey == opened.StepKey && c.Generation == opened.Generation)?.Version,
                stream.Where(e => e.Event is StepEscalated x && x.StepKey == opened.StepKey && x.Generation == opened.Generation)
                    .Select(e => (((StepEscalated)e.Event).Escalation, e.Version)).ToList())));

    private static long Version(HttpResponseMessage response) =>
        long.Parse(response.Headers.ETag!.Tag.Trim('"'), System.Globalization.CultureInfo.InvariantCulture);

    private sealed record Acknowledged(Guid IncidentId, string Command, long Version);

    private sealed record StepOpening(Guid IncidentId, string StepKey, int Generation, long? Completed, IReadOnlyList<(int Escalation, long Version)> Escalations);
}
