using Incidents.EventStore.Postgres;
using Incidents.EventStore.Postgres.Feed;
using Incidents.EventStore.Postgres.Resilience;
using Incidents.EventStore.Postgres.Schema;
using Incidents.EventStore.Postgres.Serialization;
using Incidents.EventStore.Postgres.Signals;
using Incidents.EventStore.Postgres.Streams;
using Incidents.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Incidents.EventStore.Tests;

/// <summary>An event store on its own fresh database, migrated, with a controllable clock.</summary>
public sealed class StoreFixture : IAsyncLifetime
{
    public ManualTimeProvider Clock { get; } = new();

    public TestDatabase Database { get; private set; } = null!;

    public NpgsqlDataSource DataSource { get; private set; } = null!;

    public SignalHub Signals { get; } = new();

    public PostgresEventStore Store { get; private set; } = null!;

    public EventFeed Feed { get; private set; } = null!;

    public static EventMetadata Metadata(string causation = "command-1") => new("user-1", "staff", "correlation-1", causation);

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync("store");
        DataSource = new NpgsqlDataSourceBuilder(Database.ConnectionString) { ConnectionStringBuilder = { ApplicationName = "store-tests" } }.Build();
        await new SchemaMigrator(DataSource, EmbeddedMigrations.EventStore, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        var serializer = new EventSerializer(new EventTypeRegistry().Register(TestEvents.ByWireName, 1));
        var publisher = new ChangePublisher(DataSource, Signals, NullLogger<ChangePublisher>.Instance);
        Store = new PostgresEventStore(DataSource, serializer, Clock, publisher, new TransientFaultRetry(TimeProvider.System, firstDelay: TimeSpan.FromMilliseconds(10)));
        Feed = new EventFeed(DataSource, serializer);
    }

    public async Task DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await Database.DisposeAsync();
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
