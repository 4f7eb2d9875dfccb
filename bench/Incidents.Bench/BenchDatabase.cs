using Incidents.EventStore.Postgres.Schema;
using Incidents.Projections.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Incidents.Bench;

/// <summary>A fresh database for one run, with the event store's and the projections' schema; dropped at the end.</summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string _adminConnectionString;
    private readonly string _name;
    private readonly bool _keep;

    private BenchDatabase(string adminConnectionString, string name, string connectionString, bool keep)
    {
        _keep = keep;
        _adminConnectionString = adminConnectionString;
        _name = name;
        ConnectionString = connectionString;
        DataSource = NpgsqlDataSource.Create(connectionString);
    }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    public static async Task<BenchDatabase> CreateAsync(string adminConnectionString, bool keep)
    {
        var name = $"bench_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(adminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"create database \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name, MaxPoolSize = 100 };
        var database = new BenchDatabase(adminConnectionString, name, builder.ConnectionString, keep);
        Console.WriteLine($"database {name}{(keep ? " (kept afterwards)" : "")}");
        await new SchemaMigrator(
                database.DataSource, EmbeddedMigrations.EventStore.Concat(ProjectionMigrations.All), NullLogger<SchemaMigrator>.Instance)
            .MigrateAsync(CancellationToken.None);
        return database;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        if (_keep)
        {
            return;
        }

        await using var admin = new NpgsqlConnection(_adminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop database if exists \"{_name}\" with (force)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
