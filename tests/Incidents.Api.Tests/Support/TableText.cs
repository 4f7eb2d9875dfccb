using Npgsql;

namespace Incidents.Api.Tests.Support;

/// <summary>Searches every text, JSON, array and byte column of every table for values that must not be stored there.</summary>
public static class TableText
{
    /// <summary>"table.column" for each column that holds any of <paramref name="values"/>.</summary>
    public static async Task<List<string>> FindAsync(TestDatabase database, IReadOnlyList<string> values)
    {
        await using var source = database.CreateDataSource();
        var columns = new List<(string Table, string Column, string Type)>();
        await using (var command = source.CreateCommand("""
            select c.table_name::text, c.column_name::text, c.data_type::text from information_schema.columns c
              join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
             where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
               and c.data_type in ('text', 'character varying', 'jsonb', 'json', 'ARRAY', 'bytea', 'xml')
             order by 1, 2
            """))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        var found = new List<string>();
        foreach (var (table, column, type) in columns)
        {
            var holds = type == "bytea" ? $"position(convert_to(v, 'UTF8') in t.\"{column}\") > 0" : $"strpos(t.\"{column}\"::text, v) > 0";
            await using var command = source.CreateCommand($"select exists (select 1 from \"{table}\" t, unnest($1::text[]) v where {holds})");
            command.Parameters.Add(new NpgsqlParameter { Value = values.ToArray() });
            if ((bool)(await command.ExecuteScalarAsync())!)
            {
                found.Add($"{table}.{column}");
            }
        }

        return found;
    }
}
