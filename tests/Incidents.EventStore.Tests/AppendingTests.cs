using Incidents.EventStore.Postgres.Serialization;
using Incidents.EventStore.Postgres.Streams;

namespace Incidents.EventStore.Tests;

public sealed class AppendingTests(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private static string NewStream() => "thing-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Appended_events_read_back_in_order_with_wire_type_metadata_schema_version_and_recorded_time()
    {
        var stream = NewStream();
        var now = fixture.Clock.GetUtcNow();

        var result = await fixture.Store.AppendAsync(
            stream, ExpectedVersion.NoStream, [new ThingHappened(1, "一"), new OtherThingHappened("two")], StoreFixture.Metadata(), default);

        Assert.Equal(2, result.NextExpectedVersion);
        var events = await fixture.Store.ReadStreamAsync(stream, 0, default);
        Assert.Equal([1L, 2L], events.Select(e => e.StreamVersion));
        Assert.Equal(["thing-happened", "other-thing-happened"], events.Select(e => e.Type));
        Assert.Equal(new ThingHappened(1, "一"), events[0].Data);
        Assert.All(events, e => Assert.Equal(StoreFixture.Metadata(), e.Metadata));
        Assert.All(events, e => Assert.Equal(now, e.RecordedAt));
        Assert.All(events, e => Assert.Equal(1, e.SchemaVersion));
        Assert.True(events[1].Position > events[0].Position);
        Assert.Equal(result.Last, events[1].FeedPosition);
    }

    [Fact]
    public async Task Reading_from_a_version_returns_only_the_later_events()
    {
        var stream = NewStream();
        await fixture.Store.AppendAsync(stream, ExpectedVersion.NoStream, [new ThingHappened(1, "a"), new ThingHappened(2, "b"), new ThingHappened(3, "c")], StoreFixture.Metadata(), default);

        var later = await fixture.Store.ReadStreamAsync(stream, 1, default);

        Assert.Equal([2, 3], later.Select(e => ((ThingHappened)e.Data).Number));
    }

    [Fact]
    public async Task A_stale_expected_version_fails_with_a_typed_error_and_writes_nothing()
    {
        var stream = NewStream();
        await fixture.Store.AppendAsync(stream, ExpectedVersion.NoStream, [new ThingHappened(1, "a")], StoreFixture.Metadata(), default);
        await fixture.Store.AppendAsync(stream, ExpectedVersion.Exactly(1), [new ThingHappened(2, "b")], StoreFixture.Metadata(), default);

        var error = await Assert.ThrowsAsync<WrongExpectedVersionException>(() =>
            fixture.Store.AppendAsync(stream, ExpectedVersion.Exactly(1), [new ThingHappened(99, "stale")], StoreFixture.Metadata(), default));

        Assert.Equal(stream, error.StreamId);
        Assert.Equal([1, 2], (await fixture.Store.ReadStreamAsync(stream, 0, default)).Select(e => ((ThingHappened)e.Data).Number));
    }

    [Fact]
    public async Task Creating_a_stream_that_already_exists_conflicts()
    {
        var stream = NewStream();
        await fixture.Store.AppendAsync(stream, ExpectedVersion.NoStream, [new ThingHappened(1, "a")], StoreFixture.Metadata(), default);

        await Assert.ThrowsAsync<WrongExpectedVersionException>(() =>
            fixture.Store.AppendAsync(stream, ExpectedVersion.NoStream, [new ThingHappened(1, "again")], StoreFixture.Metadata(), default));
    }

    [Fact]
    public async Task Appending_to_a_stream_that_does_not_exist_with_a_version_conflicts()
    {
        await Assert.ThrowsAsync<WrongExpectedVersionException>(() =>
            fixture.Store.AppendAsync(NewStream(), ExpectedVersion.Exactly(3), [new ThingHappened(1, "a")], StoreFixture.Metadata(), default));
    }

    [Fact]
    public async Task A_losing_writer_draws_no_position_so_it_leaves_no_gap()
    {
        var stream = NewStream();
        var first = await fixture.Store.AppendAsync(stream, ExpectedVersion.NoStream, [new ThingHappened(1, "a")], StoreFixture.Metadata(), default);
        await Assert.ThrowsAsync<WrongExpectedVersionException>(() =>
            fixture.Store.AppendAsync(stream, ExpectedVersion.NoStream, [new ThingHappened(2, "loser"), new ThingHappened(3, "loser")], StoreFixture.Metadata(), default));

        var next = await fixture.Store.AppendAsync(stream, ExpectedVersion.Exactly(1), [new ThingHappened(4, "b")], StoreFixture.Metadata(), default);

        Assert.Equal(first.Last.Position + 1, next.First.Position);
    }

    [Fact]
    public async Task Two_writers_with_the_same_expected_version_one_wins_the_other_conflicts_and_no_event_is_lost()
    {
        var stream = "";
        using var start = new ManualResetEventSlim();

        async Task<bool> Write(int number)
        {
            await Task.Yield();
            start.Wait();
            try
            {
                await fixture.Store.AppendAsync(stream, ExpectedVersion.Exactly(1), [new ThingHappened(number, "racer")], StoreFixture.Metadata($"c{number}"), default);
                return true;
            }
            catch (WrongExpectedVersionException)
            {
                return false;
            }
        }

        for (var round = 0; round < 20; round++)
        {
            stream = NewStream();
            await fixture.Store.AppendAsync(stream, ExpectedVersion.NoStream, [new ThingHappened(0, "start")], StoreFixture.Metadata(), default);
            start.Reset();
            var writers = new[] { Write(1), Write(2) };
            start.Set();
            var won = await Task.WhenAll(writers);

            Assert.Single(won, w => w);
            var events = await fixture.Store.ReadStreamAsync(stream, 0, default);
            Assert.Equal(2, events.Count);
            var winner = won[0] ? 1 : 2;
            Assert.Equal(winner, ((ThingHappened)events[1].Data).Number);
        }
    }

    [Fact]
    public async Task Appending_no_events_is_refused()
    {
        await using var unit = fixture.Store.BeginUnitOfWork();
        Assert.Throws<ArgumentException>(() => unit.Append(NewStream(), ExpectedVersion.NoStream, [], StoreFixture.Metadata()));
    }

    [Fact]
    public async Task Reading_an_event_of_an_unknown_type_fails_loudly()
    {
        var stream = NewStream();
        await fixture.Store.AppendAsync(stream, ExpectedVersion.NoStream, [new ThingHappened(1, "a")], StoreFixture.Metadata(), default);
        await using (var command = fixture.DataSource.CreateCommand("update events set type = 'renamed-away' where stream_id = $1"))
        {
            command.Parameters.Add(new() { Value = stream });
            await command.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<UnknownEventTypeException>(() => fixture.Store.ReadStreamAsync(stream, 0, default));
        Assert.Equal("renamed-away", error.WireName);
    }

    [Fact]
    public async Task An_event_type_without_a_wire_name_cannot_be_appended()
    {
        await using var unit = fixture.Store.BeginUnitOfWork();
        Assert.Throws<InvalidOperationException>(() =>
            unit.Append(NewStream(), ExpectedVersion.NoStream, [new { Anonymous = true }], StoreFixture.Metadata()));
    }
}
