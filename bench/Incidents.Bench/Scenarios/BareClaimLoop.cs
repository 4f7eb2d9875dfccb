using System.Collections.Concurrent;
using Npgsql;

namespace Incidents.Bench.Scenarios;

/// <summary>
/// The raw-PostgreSQL baseline for timer latency: a plain table holding as many pending rows, of which rows come due at
/// the same rate, and the same number of loops that claim with <c>SELECT … FOR UPDATE SKIP LOCKED</c>, <c>DELETE</c> and
/// commit, sleeping until the next due row exactly as the real worker does, but with no domain, no events and no other
/// writes.
/// </summary>
public static class BareClaimLoop
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan BusyRetry = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Fills the table with <paramref name="pending"/> rows, the first <paramref name="count"/> due evenly over
    /// <paramref name="window"/> after <paramref name="lead"/> and the rest a day later, and claims until those have fired.
    /// </summary>
    public static async Task<IReadOnlyList<double>> MeasureAsync(
        NpgsqlDataSource dataSource, int pending, int count, TimeSpan window, TimeSpan lead, int loops, int batchSize, CancellationToken cancellationToken)
    {
        await using (var create = dataSource.CreateCommand("""
            create table bench_plain_timers (key text primary key, due_at timestamptz not null);
            create index bench_plain_timers_due on bench_plain_timers (due_at);
            """))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var fill = dataSource.CreateCommand("""
            insert into bench_plain_timers (key, due_at)
            select 'timer-' || i, $1 + make_interval(secs => case when i < $3 then i * $2 / $3 else 86400 end)
              from generate_series(0, $4 - 1) as i
            """))
        {
            fill.Parameters.Add(new() { Value = TimeProvider.System.GetUtcNow() + lead });
            fill.Parameters.Add(new() { Value = window.TotalSeconds });
            fill.Parameters.Add(new() { Value = (double)count });
            fill.Parameters.Add(new() { Value = pending });
            await fill.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var analyze = dataSource.CreateCommand("analyze bench_plain_timers"))
        {
            await analyze.ExecuteNonQueryAsync(cancellationToken);
        }

        var latencies = new ConcurrentBag<double>();
        var claimed = 0;
        using var allFired = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await Task.WhenAll(Enumerable.Range(0, loops).Select(_ => Task.Run(async () =>
        {
            while (!allFired.IsCancellationRequested)
            {
                var claimedAt = TimeProvider.System.GetUtcNow();
                var fired = await ClaimAsync(dataSource, claimedAt, batchSize, latencies, cancellationToken);
                if (Interlocked.Add(ref claimed, fired) >= count)
                {
                    await allFired.CancelAsync();
                }
                else if (fired < batchSize)
                {
                    try
                    {
                        await Task.Delay(await UntilNextDueAsync(dataSource, fired, claimedAt, cancellationToken), allFired.Token);
                    }
                    catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                        // Another loop claimed the last one.
                    }
                }
            }
        }, cancellationToken)));
        return [.. latencies];
    }

    private static async Task<int> ClaimAsync(NpgsqlDataSource dataSource, DateTimeOffset now, int batchSize, ConcurrentBag<double> latencies, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var keys = new List<string>();
        var due = new List<DateTimeOffset>();
        await using (var select = new NpgsqlCommand(
            "select key, due_at from bench_plain_timers where due_at <= $1 order by due_at limit $2 for update skip locked", connection, transaction))
        {
            select.Parameters.Add(new() { Value = now });
            select.Parameters.Add(new() { Value = batchSize });
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                keys.Add(reader.GetString(0));
                due.Add(reader.GetFieldValue<DateTimeOffset>(1));
            }
        }

        if (keys.Count == 0)
        {
            return 0;
        }

        await using (var delete = new NpgsqlCommand("delete from bench_plain_timers where key = any($1)", connection, transaction))
        {
            delete.Parameters.Add(new() { Value = keys.ToArray() });
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        var committedAt = TimeProvider.System.GetUtcNow();
        foreach (var dueAt in due)
        {
            latencies.Add((committedAt - dueAt).TotalMilliseconds);
        }

        return keys.Count;
    }

    private static async Task<TimeSpan> UntilNextDueAsync(NpgsqlDataSource dataSource, int fired, DateTimeOffset claimedAt, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select min(due_at) from bench_plain_timers");
        if (await command.ExecuteScalarAsync(cancellationToken) is not DateTime next)
        {
            return PollInterval;
        }

        var nextDue = new DateTimeOffset(next, TimeSpan.Zero);
        var until = nextDue - TimeProvider.System.GetUtcNow();
        return until > TimeSpan.Zero ? (until < PollInterval ? until : PollInterval)
            : fired == 0 && nextDue <= claimedAt ? BusyRetry
            : TimeSpan.Zero;
    }
}
