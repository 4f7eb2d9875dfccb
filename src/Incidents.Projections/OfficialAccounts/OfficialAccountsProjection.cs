using Incidents.Domain.Accounts.State;
using Npgsql;
using NpgsqlTypes;

namespace Incidents.Projections.OfficialAccounts;

/// <summary>
/// Inline projection of the registry: the account's row and the handles it has held, computed from its state before
/// and after a command and written in the same batch as its events. Taking a handle another current account holds
/// fails on <see cref="CurrentHandleIndex"/>, and the whole command with it.
/// </summary>
public static class OfficialAccountsProjection
{
    public const string CurrentHandleIndex = "official_account_handles_current";

    private const string UpsertSql = """
        insert into official_accounts (
            account_id, version, platform, handle, handle_key, display_name, url, department, purpose, content,
            posting_schedule, reply_policy, operation_period, homepage_url, approved_by, status, listed, verified, opened_at,
            listed_at, abolition_reason, abolition_notified_at, planned_closing_at, closed_at, closed_immediately, updated_at)
        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26)
        on conflict (account_id) do update set
            version = excluded.version, handle = excluded.handle, handle_key = excluded.handle_key,
            display_name = excluded.display_name, url = excluded.url, department = excluded.department,
            purpose = excluded.purpose, content = excluded.content, posting_schedule = excluded.posting_schedule,
            reply_policy = excluded.reply_policy, operation_period = excluded.operation_period,
            homepage_url = excluded.homepage_url, approved_by = excluded.approved_by, status = excluded.status,
            listed = excluded.listed, verified = excluded.verified, listed_at = excluded.listed_at,
            abolition_reason = excluded.abolition_reason, abolition_notified_at = excluded.abolition_notified_at,
            planned_closing_at = excluded.planned_closing_at, closed_at = excluded.closed_at,
            closed_immediately = excluded.closed_immediately, updated_at = excluded.updated_at
        where official_accounts.version < excluded.version
        """;

    public static IEnumerable<NpgsqlBatchCommand> Writes(AccountState before, AccountState after, long version, DateTimeOffset now)
    {
        yield return Upsert(after, version, now);

        var platform = WireName.Of(after.Platform);
        if (before.Exists && before.Key != after.Key)
        {
            yield return new NpgsqlBatchCommand(
                "update official_account_handles set retired_at = $4 where platform = $1 and handle_key = $2 and account_id = $3 and retired_at is null")
            {
                Parameters = { new() { Value = platform }, new() { Value = before.Key.Handle }, new() { Value = after.Id }, new() { Value = now } },
            };
        }

        if (after.ClosedAt is { } closedAt)
        {
            yield return new NpgsqlBatchCommand(
                "update official_account_handles set retired_at = $2 where account_id = $1 and retired_at is null")
            {
                Parameters = { new() { Value = after.Id }, new() { Value = closedAt } },
            };
            yield break;
        }

        yield return new NpgsqlBatchCommand("""
            insert into official_account_handles (platform, handle_key, account_id, handle, url, since)
            values ($1, $2, $3, $4, $5, $6)
            on conflict (platform, handle_key, account_id) do update
               set handle = excluded.handle, url = excluded.url, retired_at = null
            """)
        {
            Parameters =
            {
                new() { Value = platform }, new() { Value = after.Key.Handle }, new() { Value = after.Id },
                new() { Value = after.Handle }, new() { Value = after.Url }, new() { Value = now },
            },
        };
    }

    private static NpgsqlBatchCommand Upsert(AccountState state, long version, DateTimeOffset now) => new(UpsertSql)
    {
        Parameters =
        {
            new() { Value = state.Id },
            new() { Value = version },
            new() { Value = WireName.Of(state.Platform) },
            new() { Value = state.Handle },
            new() { Value = state.Key.Handle },
            new() { Value = state.DisplayName },
            new() { Value = state.Url },
            new() { Value = state.Department },
            new() { Value = state.Policy.Purpose },
            new() { Value = state.Policy.Content },
            new() { Value = state.Policy.PostingSchedule },
            new() { Value = state.Policy.ReplyPolicy },
            Text(state.Policy.OperationPeriod),
            Text(state.HomepageUrl),
            new() { Value = state.ApprovedBy },
            new() { Value = WireName.Of(state.Status) },
            new() { Value = state.Listed },
            new() { Value = state.Verified },
            new() { Value = state.OpenedAt },
            Time(state.ListedAt),
            Text(state.AbolitionReason is { } reason ? WireName.Of(reason) : null),
            Time(state.AbolitionNotifiedAt),
            Time(state.PlannedClosingAt),
            Time(state.ClosedAt),
            new() { Value = state.ClosedImmediately },
            new() { Value = now },
        },
    };

    private static NpgsqlParameter Text(string? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };

    private static NpgsqlParameter Time(DateTimeOffset? value) =>
        new() { Value = value is { } at ? at : DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz };
}
