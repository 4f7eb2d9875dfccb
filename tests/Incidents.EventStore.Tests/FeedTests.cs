using Incidents.EventStore.Postgres.Feed;
using Incidents.EventStore.Postgres.Signals;
using Incidents.EventStore.Postgres.Streams;
using Npgsql;
using NpgsqlTypes;

namespace Incidents.EventStore.Tests;

public sealed class FeedTests(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    [Fact]
    public async Task An_event_whose_transaction_is_still_running_holds_back_later_events_instead_of_being_skipped()
    {
        var start = await EndOfFeedAsync();
        await using var slow = await fixture.DataSource.OpenConnectionAsync();
        await using var slowTransaction = await slow.BeginTransactionAsync();
        var slowPosition = await AppendRawAsync(slow, "slow-" + Guid.NewGuid().ToString("N"));

        var fast = await fixture.Store.AppendAsync(
            "fast-" + Guid.NewGuid().ToString("N"), ExpectedVersion.NoStream, [new ThingHappened(2, "fast")], StoreFixture.Metadata(), default);

        // The trap: by position alone the later event is visible and the earlier one is not, so a reader that
        // checkpoints positions would move past the slow transaction's event and never see it.
        Assert.True(fast.First.Position > slowPosition);
        Assert.Equal([fast.First.Position], await VisiblePositionsAfterAsync(start.Position));

        var whileRunning = await fixture.Feed.ReadAfterAsync(start, 100, default);
        Assert.Empty(whileRunning.Events);
        Assert.True(whileRunning.HasInvisibleTail);

        await slowTransaction.CommitAsync();
        var afterCommit = await ReadUntilNoInvisibleTailAsync(start);

        Assert.Equal([slowPosition, fast.First.Position], afterCommit.Select(e => e.Position));
    }

    /// <summary>
    /// Transaction ids are cluster-wide: transactions of other tests, in other databases, may hold the horizon back
    /// for a moment. The feed is right to wait for them, and so is the test.
    /// </summary>
    private async Task<List<RecordedEvent>> ReadUntilNoInvisibleTailAsync(FeedPosition start)
    {
        var events = new List<RecordedEvent>();
        var giveUp = DateTime.UtcNow.AddSeconds(10);
        var position = start;
        while (true)
        {
            var page = await fixture.Feed.ReadAfterAsync(position, 100, default);
            events.AddRange(page.Events);
            position = page.Last ?? position;
            if (!page.HasInvisibleTail || DateTime.UtcNow > giveUp)
            {
                return events;
            }

            await Task.Delay(5);
        }
    }

    [Fact]
    public async Task Eight_concurrent_writers_and_a_follower_see_every_event_exactly_once_in_feed_order()
    {
        const int writers = 8;
        const int appendsPerWriter = 60;
        var start = await EndOfFeedAsync();
        var wake = fixture.Signals.Subscribe(SignalChannels.Events);
        var appended = 0;

        async Task Write(int writer)
        {
            var random = new Random(writer);
            for (var i = 0; i < appendsPerWriter; i++)
            {
                var count = random.Next(1, 4);
                await using var unit = fixture.Store.BeginUnitOfWork();
                unit.Append(
                    $"w{writer}-{i}", ExpectedVersion.NoStream,
                    Enumerable.Range(0, count).Select(n => (object)new ThingHappened(n, $"w{writer}")).ToList(),
                    StoreFixture.Metadata());
                if (random.Next(3) == 0)
                {
                    // Hold the transaction open after drawing positions, so commits land out of position order.
                    unit.Add(new NpgsqlBatchCommand($"select pg_sleep({random.Next(1, 25) / 1000.0})"));
                }

                await unit.CommitAsync(default);
                Interlocked.Add(ref appended, count);
            }
        }

        var writing = Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(() => Write(w))));
        var seen = new List<RecordedEvent>();
        var checkpoint = start;
        while (true)
        {
            // Taken before the read: a writer that commits during the read must still be read afterwards.
            var writersDone = writing.IsCompleted;
            var page = await fixture.Feed.ReadAfterAsync(checkpoint, 37, default);
            seen.AddRange(page.Events);
            checkpoint = page.Last ?? checkpoint;
            if (page.Events.Count > 0)
            {
                continue;
            }

            if (writersDone && !page.HasInvisibleTail)
            {
                break;
            }

            await wake.WaitAsync(TimeSpan.FromMilliseconds(page.HasInvisibleTail ? 5 : 200), TimeProvider.System, default);
        }

        await writing;
        var expected = await PositionsOfWritersAsync();
        Assert.Equal(writers * appendsPerWriter, expected.Select(e => e.Stream).Distinct().Count());
        Assert.Equal(appended, expected.Count);
        Assert.Equal(expected.Count, seen.Count);
        Assert.Equal(seen.Count, seen.Select(e => e.Position).Distinct().Count());
        Assert.Equal(expected.Select(e => e.Position).Order(), seen.Select(e => e.Position).Order());
        Assert.True(seen.Zip(seen.Skip(1)).All(pair => pair.First.FeedPosition < pair.Second.FeedPosition), "feed order must only grow");
    }

    [Fact]
    public async Task Reading_after_the_last_event_returns_nothing()
    {
        var end = await EndOfFeedAsync();
        var page = await fixture.Feed.ReadAfterAsync(end, 10, default);
        Assert.Empty(page.Events);
        Assert.Null(page.Last);
    }

    private async Task<FeedPosition> EndOfFeedAsync()
    {
        await using var command = fixture.DataSource.CreateCommand(
            "select transaction_id, position from events order by transaction_id desc, position desc limit 1");
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? new FeedPosition(reader.GetFieldValue<ulong>(0), reader.GetInt64(1)) : FeedPosition.Start;
    }

    private static async Task<long> AppendRawAsync(NpgsqlConnection connection, string stream)
    {
        await using var command = new NpgsqlCommand(
            """
            select event_position from append_events($1, 0, array['thing-happened'], array[1], $2,
                '{"actorId":"u","actorRole":"staff","correlationId":"c","causationId":"k"}'::jsonb, now())
            """, connection);
        command.Parameters.Add(new() { Value = stream });
        command.Parameters.Add(new() { Value = new[] { """{"number":1,"text":"slow"}""" }, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<List<long>> VisiblePositionsAfterAsync(long position)
    {
        await using var command = fixture.DataSource.CreateCommand("select position from events where position > $1 order by position");
        command.Parameters.Add(new() { Value = position });
        await using var reader = await command.ExecuteReaderAsync();
        var positions = new List<long>();
        while (await reader.ReadAsync())
        {
            positions.Add(reader.GetInt64(0));
        }

        return positions;
    }

    private async Task<List<(string Stream, long Position)>> PositionsOfWritersAsync()
    {
        await using var command = fixture.DataSource.CreateCommand("select stream_id, position from events where stream_id ~ '^w[0-9]+-'");
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, long)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetInt64(1)));
        }

        return rows;
    }
}
