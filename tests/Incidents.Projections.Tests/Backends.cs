using Incidents.Testing;
using Npgsql;

namespace Incidents.Projections.Tests;

/// <summary>PostgreSQL backends a test ends to play a node, or one of its connections, that vanished.</summary>
public static class Backends
{
    public static async Task TerminateAsync(TestDatabase database, IReadOnlyList<int> backends)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        foreach (var backend in backends)
        {
            await using var kill = new NpgsqlCommand("select pg_terminate_backend($1)", connection);
            kill.Parameters.Add(new() { Value = backend });
            Assert.True((bool)(await kill.ExecuteScalarAsync())!, $"backend {backend} of {database.Name} was not running");
        }
    }

    /// <summary>The backends holding projection leadership locks in this database.</summary>
    public static async Task<IReadOnlyList<int>> LockHoldersAsync(TestDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            select distinct pid from pg_locks
             where locktype = 'advisory' and classid = 2100 and granted
               and database = (select oid from pg_database where datname = current_database())
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var pids = new List<int>();
        while (await reader.ReadAsync())
        {
            pids.Add(reader.GetInt32(0));
        }

        return pids;
    }
}
