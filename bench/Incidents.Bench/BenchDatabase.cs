using Incidents.Api.Composition;
using Incidents.EventStore.Postgres.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Incidents.Bench;

/// <summary>A fresh database on the given cluster for one scenario, dropped afterwards unless asked to keep it.</summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string _adminConnectionString;
    private readonly bool _keep;
    private NpgsqlDataSource? _dataSource;

    private BenchDatabase(string adminConnectionString, string name, bool keep)
    {
        _adminConnectionString = adminConnectionString;
        _keep = keep;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name, MaxPoolSize = 64 }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>
    /// A pool on the scenario's database, made on first use, with the service's pool defaults (prepared statements, no
    /// reset on close); the raw baselines use it too.
    /// </summary>
    public NpgsqlDataSource DataSource => _dataSource ??= CreateDataSource();

    private NpgsqlDataSource CreateDataSource()
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        PoolDefaults.Apply(builder, ConnectionString);
        return NpgsqlDataSource.Create(builder);
    }

    /// <summary>Creates the schema of the given modules, for scenarios that do not start the whole service.</summary>
    public Task MigrateAsync(IEnumerable<Migration> migrations) =>
        new SchemaMigrator(DataSource, migrations, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);

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
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }

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
