using Incidents.Projections.Timeline;
using Incidents.Projections.Runner;
using Incidents.Testing;

namespace Incidents.Projections.Tests;

public sealed class ResumeTests
{
    [Fact]
    public async Task A_projection_killed_mid_batch_resumes_with_no_duplicate_and_no_missing_row()
    {
        await using var database = await TestDatabase.CreateAsync("resume");
        var options = ProjectionNode.FastOptions with { BatchSize = 20 };
        await using var first = await StandaloneRunner.CreateAsync(database, options);
        var events = await IncidentHistories.AppendAsync(first.Store, 30, DateTimeOffset.UtcNow);
        var stalling = new StallingProjection(new TimelineProjection(), stallInBatch: 4);
        using var firstStop = new CancellationTokenSource();
        var firstRun = first.HostFor(stalling).RunAsync(firstStop.Token);

        var backend = await stalling.Stalled.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var appliedBeforeKill = await TableSnapshot.ScalarAsync(database.ConnectionString, "select count(*) from timeline_events");
        var checkpointBeforeKill = await TableSnapshot.ScalarAsync(
            database.ConnectionString, "select events_applied from projection_checkpoints where name = 'incident-timeline'");
        // The process dies: every connection it had drops (the batch's, and the one holding its leadership), and
        // none of its code runs again.
        await Backends.TerminateAsync(database, [backend, .. await Backends.LockHoldersAsync(database)]);
        await firstStop.CancelAsync();
        await Assert.ThrowsAnyAsync<Exception>(() => firstRun.WaitAsync(TimeSpan.FromSeconds(30)));

        await using var second = await StandaloneRunner.CreateAsync(database, options);
        using var secondStop = new CancellationTokenSource();
        var secondRun = second.HostFor(new TimelineProjection()).RunAsync(secondStop.Token);
        await ProjectionCatchUp.WaitAsync(database.ConnectionString, projections: [TimelineProjection.ProjectionName]);
        await secondStop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => secondRun);

        // Three batches committed before the stall. A batch can be shorter than 20: the feed stops below the oldest
        // transaction still running anywhere in the cluster, and other tests' databases share the cluster.
        Assert.InRange(appliedBeforeKill, 3, 3 * 20);
        Assert.Equal(appliedBeforeKill, checkpointBeforeKill);
        Assert.Equal(events, await TableSnapshot.ScalarAsync(database.ConnectionString, "select count(*) from timeline_events"));
        Assert.Equal(0, await TableSnapshot.ScalarAsync(database.ConnectionString, """
            select count(*) from events e
              full join timeline_events t on 'incident-' || t.incident_id::text = e.stream_id and t.stream_version = e.stream_version
             where e.position is null or t.position is null or t.position <> e.position
            """));
        Assert.Equal(events, await TableSnapshot.ScalarAsync(
            database.ConnectionString, "select events_applied from projection_checkpoints where name = 'incident-timeline'"));
        Assert.Equal(60, await TableSnapshot.ScalarAsync(database.ConnectionString, "select count(*) from timeline_steps where status = 'completed'"));
    }
}
