using Incidents.Testing;
using Npgsql;

namespace Incidents.Api.Tests;

/// <summary>
/// The number of rows in every table: compared before and after a request that must write nothing. The asynchronous
/// projections are awaited first, so rows they write behind earlier requests do not count as the request's writes.
/// Their checkpoints are left out: a projection writes its own after a reset whenever it next wakes, whatever requests do.
/// </summary>
public static class RowCounts
{
    public static async Task<IReadOnlyDictionary<string, long>> TakeAsync(TestDatabase database)
    {
        await ProjectionCatchUp.WaitAsync(database.ConnectionString);
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var tables = new NpgsqlCommand(
            "select tablename from pg_tables where schemaname = 'public' and tablename <> 'projection_checkpoints' order by tablename", connection);
        var names = new List<string>();
        await using (var reader = await tables.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }

        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            await using var count = new NpgsqlCommand($"select count(*) from \"{name}\"", connection);
            counts[name] = (long)(await count.ExecuteScalarAsync())!;
        }

        return counts;
    }
}
