using Incidents.EventStore.Postgres.Streams;
using Incidents.EventStore.Postgres.Timers;
using Npgsql;

namespace Incidents.EventStore.Tests;

public sealed class UnitOfWorkTests(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private static string NewStream() => "uow-" + Guid.NewGuid().ToString("N");

    private static ScheduledMessage Timer(string stream, string key, string group, DateTimeOffset due) =>
        new(key, stream, group, due, "test-timer", """{"step":"x"}""");

    [Fact]
    public async Task Events_and_timers_commit_together()
    {
        var stream = NewStream();
        var due = fixture.Clock.GetUtcNow().AddHours(1);
        await using (var unit = fixture.Store.BeginUnitOfWork())
        {
            unit.Append(stream, ExpectedVersion.NoStream, [new ThingHappened(1, "a")], StoreFixture.Metadata());
            unit.Schedule(Timer(stream, $"{stream}/1", $"{stream}/g", due), fixture.Clock.GetUtcNow());
            await unit.CommitAsync(default);
        }

        Assert.Single(await fixture.Store.ReadStreamAsync(stream, 0, default));
        Assert.Equal(due, await fixture.ScalarAsync<DateTime>($"select due_at from timers where stream_id = '{stream}'"));
    }

    [Fact]
    public async Task A_conflicting_append_writes_none_of_the_unit_of_work()
    {
        var stream = NewStream();
        await fixture.Store.AppendAsync(stream, ExpectedVersion.NoStream, [new ThingHappened(1, "a")], StoreFixture.Metadata(), default);

        await using var unit = fixture.Store.BeginUnitOfWork();
        unit.Schedule(Timer(stream, $"{stream}/before", $"{stream}/g", fixture.Clock.GetUtcNow()), fixture.Clock.GetUtcNow());
        unit.Append(stream, ExpectedVersion.NoStream, [new ThingHappened(2, "b")], StoreFixture.Metadata());
        unit.Schedule(Timer(stream, $"{stream}/after", $"{stream}/g", fixture.Clock.GetUtcNow()), fixture.Clock.GetUtcNow());
        await Assert.ThrowsAsync<WrongExpectedVersionException>(() => unit.CommitAsync(default));

        Assert.Single(await fixture.Store.ReadStreamAsync(stream, 0, default));
        Assert.Equal(0L, await fixture.ScalarAsync<long>($"select count(*) from timers where stream_id = '{stream}'"));
    }

    [Fact]
    public async Task A_failing_statement_rolls_back_the_events_appended_before_it()
    {
        var stream = NewStream();
        await using var unit = fixture.Store.BeginUnitOfWork();
        unit.Append(stream, ExpectedVersion.NoStream, [new ThingHappened(1, "a")], StoreFixture.Metadata());
        unit.Add(new NpgsqlBatchCommand("insert into timers (key) values (null)"));

        await Assert.ThrowsAsync<PostgresException>(() => unit.CommitAsync(default));

        Assert.Empty(await fixture.Store.ReadStreamAsync(stream, 0, default));
    }

    [Fact]
    public async Task Scheduling_the_same_timer_key_twice_keeps_the_first()
    {
        var stream = NewStream();
        var first = fixture.Clock.GetUtcNow().AddMinutes(5);
        foreach (var due in new[] { first, first.AddHours(3) })
        {
            await using var unit = fixture.Store.BeginUnitOfWork();
            unit.Schedule(Timer(stream, $"{stream}/same", $"{stream}/g", due), fixture.Clock.GetUtcNow());
            await unit.CommitAsync(default);
        }

        Assert.Equal(1L, await fixture.ScalarAsync<long>($"select count(*) from timers where stream_id = '{stream}'"));
        Assert.Equal(first, await fixture.ScalarAsync<DateTime>($"select due_at from timers where stream_id = '{stream}'"));
    }

    [Fact]
    public async Task Cancelling_a_group_removes_only_its_timers_and_cancelling_a_stream_removes_all()
    {
        var stream = NewStream();
        var now = fixture.Clock.GetUtcNow();
        await using (var unit = fixture.Store.BeginUnitOfWork())
        {
            unit.Schedule(Timer(stream, $"{stream}/a1", $"{stream}/a", now), now);
            unit.Schedule(Timer(stream, $"{stream}/a2", $"{stream}/a", now), now);
            unit.Schedule(Timer(stream, $"{stream}/b1", $"{stream}/b", now), now);
            await unit.CommitAsync(default);
        }

        await using (var unit = fixture.Store.BeginUnitOfWork())
        {
            unit.CancelGroup($"{stream}/a");
            await unit.CommitAsync(default);
        }

        Assert.Equal($"{stream}/b1", await fixture.ScalarAsync<string>($"select string_agg(key, ',') from timers where stream_id = '{stream}'"));

        await using (var unit = fixture.Store.BeginUnitOfWork())
        {
            unit.CancelStream(stream);
            await unit.CommitAsync(default);
        }

        Assert.Equal(0L, await fixture.ScalarAsync<long>($"select count(*) from timers where stream_id = '{stream}'"));
    }

    [Fact]
    public async Task A_retried_command_can_find_that_its_events_were_already_committed()
    {
        var stream = NewStream();
        await fixture.Store.AppendAsync(stream, ExpectedVersion.NoStream, [new ThingHappened(1, "a")], StoreFixture.Metadata("command-42"), default);

        Assert.True(await fixture.Store.HasCausationAsync(stream, "command-42", default));
        Assert.False(await fixture.Store.HasCausationAsync(stream, "command-43", default));
    }
}
