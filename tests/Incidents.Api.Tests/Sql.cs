using Incidents.Testing;
using Npgsql;

namespace Incidents.Api.Tests;

/// <summary>Direct reads of the test database, for what the API does not show (timers, claims, stream counts).</summary>
public static class Sql
{
    public static async Task<long> QueryCountAsync(this TestDatabase database, string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return (long)(await command.ExecuteScalarAsync())!;
    }

    public static Task<long> IncidentStreamsAsync(this TestDatabase database) =>
        database.QueryCountAsync("select count(*) from streams where stream_id like 'incident-%'");
}
