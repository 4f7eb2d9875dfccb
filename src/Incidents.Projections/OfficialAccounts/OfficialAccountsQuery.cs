using Incidents.Domain.Accounts.Addresses;
using Npgsql;

namespace Incidents.Projections.OfficialAccounts;

/// <summary>Reads the registry of official accounts: the public list, every account, and who holds a handle.</summary>
public sealed class OfficialAccountsQuery(NpgsqlDataSource dataSource)
{
    private const string Columns = """
        a.account_id, a.version, a.platform, a.handle, a.display_name, a.url, a.department, a.purpose, a.content,
        a.posting_schedule, a.reply_policy, a.operation_period, a.homepage_url, a.approved_by, a.status, a.listed, a.verified,
        a.opened_at, a.listed_at, a.abolition_reason, a.abolition_notified_at, a.planned_closing_at, a.closed_at, a.closed_immediately
        """;

    private const int ColumnCount = 24;

    /// <summary>The accounts on the public list, as the homepage shows them.</summary>
    public Task<IReadOnlyList<OfficialAccountRow>> ListedAsync(CancellationToken cancellationToken) =>
        ListAsync("where a.listed and a.closed_at is null order by a.department, a.platform, a.handle", cancellationToken);

    /// <summary>Every account, closed ones last.</summary>
    public Task<IReadOnlyList<OfficialAccountRow>> AllAsync(CancellationToken cancellationToken) =>
        ListAsync("order by a.closed_at is not null, a.department, a.platform, a.handle", cancellationToken);

    /// <summary>The account that holds the handle now, or else the one that held it last; null when none ever did.</summary>
    public async Task<HandleMatch?> FindAsync(AccountKey key, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            select {Columns}, h.handle, h.url, h.since, h.retired_at
              from official_account_handles h join official_accounts a on a.account_id = h.account_id
             where h.platform = $1 and h.handle_key = $2
             order by h.retired_at is not null, h.retired_at desc
             limit 1
            """);
        command.Parameters.Add(new() { Value = WireName.Of(key.Platform) });
        command.Parameters.Add(new() { Value = key.Handle });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new HandleMatch(
            Read(reader), reader.GetString(ColumnCount), reader.GetString(ColumnCount + 1),
            reader.GetFieldValue<DateTimeOffset>(ColumnCount + 2), NullableTime(reader, ColumnCount + 3));
    }

    private async Task<IReadOnlyList<OfficialAccountRow>> ListAsync(string clauses, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"select {Columns} from official_accounts a {clauses}");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<OfficialAccountRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(Read(reader));
        }

        return rows;
    }

    private static OfficialAccountRow Read(NpgsqlDataReader reader) => new(
        reader.GetGuid(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
        reader.GetString(6), reader.GetString(7), reader.GetString(8), reader.GetString(9), reader.GetString(10),
        NullableText(reader, 11), NullableText(reader, 12), reader.GetString(13), reader.GetString(14), reader.GetBoolean(15),
        reader.GetBoolean(16), reader.GetFieldValue<DateTimeOffset>(17), NullableTime(reader, 18), NullableText(reader, 19),
        NullableTime(reader, 20), NullableTime(reader, 21), NullableTime(reader, 22), reader.GetBoolean(23));

    private static string? NullableText(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateTimeOffset? NullableTime(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);
}
