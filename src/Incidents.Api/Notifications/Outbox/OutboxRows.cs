using Npgsql;
using NpgsqlTypes;

namespace Incidents.Api.Notifications.Outbox;

/// <summary>The statements that write, lease and settle outbox rows.</summary>
public static class OutboxRows
{
    /// <summary>
    /// One row per destination of one notification: every active webhook subscription that wants its type, and, when
    /// e-mail is on, every enabled user with an address who holds one of the roles or is one of the people named.
    /// Fanning out inside the statement keeps the command's batch free of reads.
    /// </summary>
    public static NpgsqlBatchCommand Insert(
        Guid notificationId, string streamId, string type, string subject, string payloadJson, DateTimeOffset now,
        bool email, IReadOnlyList<string> roles, IReadOnlyList<string> people, string? traceParent) =>
        new("""
            insert into outbox (id, notification_id, stream_id, type, subject, payload, channel, destination, created_at, next_attempt_at, trace_parent)
            select gen_random_uuid(), $1, $2, $3, $4, $5, 'webhook', s.id::text, $6, $6, $10
              from webhook_subscriptions s
             where s.disabled_at is null and (s.event_types is null or $3 = any (s.event_types))
            union all
            select gen_random_uuid(), $1, $2, $3, $4, $5, 'email', lower(u.email), $6, $6, $10
              from users u
             where $7 and u.disabled_at is null and u.email is not null
               and (u.roles && $8 or u.id::text = any ($9) or u.name = any ($9))
            on conflict (notification_id, channel, destination) do nothing
            """)
        {
            Parameters =
            {
                new() { Value = notificationId },
                new() { Value = streamId },
                new() { Value = type },
                new() { Value = subject },
                new() { Value = payloadJson, NpgsqlDbType = NpgsqlDbType.Jsonb },
                new() { Value = now },
                new() { Value = email },
                new() { Value = roles.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
                new() { Value = people.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
                new() { Value = (object?)traceParent ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text },
            },
        };

    /// <summary>Leases up to <paramref name="max"/> due rows in one short statement; their next attempt moves to the lease's end.</summary>
    public static async Task<IReadOnlyList<OutboxMessage>> LeaseAsync(
        NpgsqlDataSource dataSource, Guid lease, DateTimeOffset now, TimeSpan duration, int max, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            update outbox o
               set lease_token = $1, next_attempt_at = $2 + $3, attempts = o.attempts + 1
             where o.id in (select id from outbox
                             where delivered_at is null and abandoned_at is null and next_attempt_at <= $2
                             order by next_attempt_at
                             limit $4
                               for update skip locked)
            returning o.id, o.type, o.subject, o.payload::text, o.channel, o.destination, o.created_at, o.attempts, o.trace_parent,
                      o.payload->>'incidentKind'
            """);
        command.Parameters.Add(new() { Value = lease });
        command.Parameters.Add(new() { Value = now });
        command.Parameters.Add(new() { Value = duration });
        command.Parameters.Add(new() { Value = max });
        var messages = new List<OutboxMessage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            messages.Add(new OutboxMessage(
                reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), reader.GetFieldValue<DateTimeOffset>(6), reader.GetInt32(7),
                reader.IsDBNull(8) ? null : reader.GetString(8), reader.IsDBNull(9) ? null : reader.GetString(9)));
        }

        return messages;
    }

    public static async Task MarkDeliveredAsync(
        NpgsqlDataSource dataSource, Guid id, Guid lease, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "update outbox set delivered_at = $3, lease_token = null, last_error = null where id = $1 and lease_token = $2");
        command.Parameters.Add(new() { Value = id });
        command.Parameters.Add(new() { Value = lease });
        command.Parameters.Add(new() { Value = now });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Puts a row back for another attempt at <paramref name="retryAt"/>, or gives it up.</summary>
    public static async Task MarkFailedAsync(
        NpgsqlDataSource dataSource, Guid id, Guid lease, string error, DateTimeOffset retryAt, DateTimeOffset? abandonedAt,
        CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            update outbox set next_attempt_at = $3, last_error = $4, abandoned_at = $5, lease_token = null
             where id = $1 and lease_token = $2
            """);
        command.Parameters.Add(new() { Value = id });
        command.Parameters.Add(new() { Value = lease });
        command.Parameters.Add(new() { Value = retryAt });
        command.Parameters.Add(new() { Value = error.Length <= 2000 ? error : error[..2000] });
        command.Parameters.Add(new() { Value = abandonedAt is { } at ? at : DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Puts back a row whose delivery was not attempted (its destination's circuit is open): due again at
    /// <paramref name="retryAt"/>, and the lease does not count as an attempt.
    /// </summary>
    public static async Task PutBackAsync(
        NpgsqlDataSource dataSource, Guid id, Guid lease, string reason, DateTimeOffset retryAt, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            update outbox set next_attempt_at = $3, last_error = $4, lease_token = null, attempts = greatest(attempts - 1, 0)
             where id = $1 and lease_token = $2
            """);
        command.Parameters.Add(new() { Value = id });
        command.Parameters.Add(new() { Value = lease });
        command.Parameters.Add(new() { Value = retryAt });
        command.Parameters.Add(new() { Value = reason });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Hands back every row of <paramref name="lease"/> that is neither delivered nor failed yet (a node shutting down):
    /// due at once, not counted as an attempt, and announced on <paramref name="channel"/> so that another node's
    /// dispatcher takes them now rather than at its next poll. Returns how many.
    /// </summary>
    public static async Task<long> ReleaseAsync(
        NpgsqlDataSource dataSource, Guid lease, DateTimeOffset now, string channel, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            with released as (
                update outbox set lease_token = null, next_attempt_at = $2, attempts = greatest(attempts - 1, 0)
                 where lease_token = $1
             returning 1)
            select count(*), (select pg_notify($3, '') where exists (select 1 from released)) from released
            """);
        command.Parameters.Add(new() { Value = lease });
        command.Parameters.Add(new() { Value = now });
        command.Parameters.Add(new() { Value = channel });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Notifications waiting to be delivered (due or retrying), by channel.</summary>
    public static async Task<IReadOnlyDictionary<string, long>> BacklogAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "select channel, count(*) from outbox where delivered_at is null and abandoned_at is null group by channel");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var backlog = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            backlog[reader.GetString(0)] = reader.GetInt64(1);
        }

        return backlog;
    }

    public static async Task<DateTimeOffset?> NextDueAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "select min(next_attempt_at) from outbox where delivered_at is null and abandoned_at is null");
        return await command.ExecuteScalarAsync(cancellationToken) is DateTime due ? new DateTimeOffset(due, TimeSpan.Zero) : null;
    }
}
