using Npgsql;

namespace Incidents.Bench;

/// <summary>A fresh database on the given cluster for one scenario, dropped afterwards unless asked to keep it.</summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string _adminConnectionString;
    private readonly bool _keep;

    private BenchDatabase(string adminConnectionString, string name, bool keep)
    {
        _adminConnectionString = adminConnectionString;
        _keep = keep;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name, MaxPoolSize = 64 }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<BenchDatabase> CreateAsync(BenchOptions options, string purpose)
    {
        var database = new BenchDatabase(options.AdminConnectionString, $"bench_{purpose}_{Guid.NewGuid():N}"[..40], options.KeepDatabase);
        await using var admin = new NpgsqlConnection(options.AdminConnectionString);
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"create database \"{database.Name}\"", admin);
        await create.ExecuteNonQueryAsync();
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        if (_keep)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(_adminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop database if exists \"{Name}\" with (force)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
