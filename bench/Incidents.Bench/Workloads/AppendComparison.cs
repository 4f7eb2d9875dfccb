using Incidents.EventStore.Postgres.Schema;

namespace Incidents.Bench.Workloads;

/// <summary>
/// Both sides of an append comparison on one fresh database: the event store, and a plain table that the baseline
/// fills with rows of the same payload.
/// </summary>
public sealed class AppendComparison : IAsyncDisposable
{
    private AppendComparison(BenchDatabase database, BenchEventStore store)
    {
        Database = database;
        Store = store;
        Payload = new SamplePayload(store.Serializer);
        Raw = new RawEventTable(database.DataSource, Payload);
    }

    public BenchDatabase Database { get; }

    public BenchEventStore Store { get; }

    public SamplePayload Payload { get; }

    public RawEventTable Raw { get; }

    public static async Task<AppendComparison> CreateAsync(BenchOptions options, string name)
    {
        var database = await BenchDatabase.CreateAsync(options, name);
        await database.MigrateAsync(EmbeddedMigrations.EventStore);
        await RawEventTable.CreateAsync(database.DataSource);
        return new AppendComparison(database, new BenchEventStore(database.DataSource));
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        await Database.DisposeAsync();
    }
}
