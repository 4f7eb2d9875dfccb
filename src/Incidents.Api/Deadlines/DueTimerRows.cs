using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace Incidents.Api.Deadlines;

/// <summary>The statements the worker runs against the timers table.</summary>
public static class DueTimerRows
{
    private const string Columns = "key, stream_id, due_at, message_type, payload::text, attempts, trace_parent";

    /// <summary>
    /// Locks up to <paramref name="max"/> due timers for the caller's transaction. Rows that another transaction holds are
    /// skipped, not waited for, so any number of loops and nodes can claim side by side. The transaction gets
    /// <paramref name="timeout"/> for each statement and for idling: if this node hangs while holding the claim, the
    /// database ends the transaction rather than let it hold the rows and the event feed's horizon indefinitely.
    /// </summary>
    public static async Task<IReadOnlyList<DueTimer>> ClaimAsync(
        NpgsqlConnection connection, DateTimeOffset now, int max, string? onlyKey, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand(
                    "select set_config('statement_timeout', $1, true), set_config('idle_in_transaction_session_timeout', $1, true)")
                {
                    Parameters = { new() { Value = ((long)timeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) } },
                },
                new NpgsqlBatchCommand(onlyKey is null
                    ? $"select {Columns} from timers where due_at <= $1 order by due_at limit $2 for update skip locked"
                    : $"select {Columns} from timers where due_at <= $1 and key = $3 for update skip locked")
                {
                    Parameters = { new() { Value = now }, new() { Value = max }, new() { Value = onlyKey ?? "" } },
                },
            },
        };

        var rows = new List<DueTimer>();
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new DueTimer(
                reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetString(3),
                reader.GetString(4), reader.GetInt32(5), reader.IsDBNull(6) ? null : reader.GetString(6)));
        }

        return rows;
    }

    public static async Task<DateTimeOffset?> NextDueAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select min(due_at) from timers");
        return await command.ExecuteScalarAsync(cancellationToken) is DateTime due ? new DateTimeOffset(due, TimeSpan.Zero) : null;
    }

    public static NpgsqlBatchCommand Delete(IReadOnlyList<string> keys) =>
        new("delete from timers where key = any($1)") { Parameters = { new() { Value = keys.ToArray() } } };

    /// <summary>Counts a failed attempt and moves the timer's due time to <paramref name="retryAt"/>, so it cannot spin.</summary>
    public static NpgsqlBatchCommand Postpone(string key, string error, DateTimeOffset retryAt) =>
        new("update timers set attempts = attempts + 1, last_error = $2, due_at = $3 where key = $1")
        {
            Parameters =
            {
                new() { Value = key },
                new() { Value = error.Length <= 2000 ? error : error[..2000], NpgsqlDbType = NpgsqlDbType.Text },
                new() { Value = retryAt },
            },
        };
}
