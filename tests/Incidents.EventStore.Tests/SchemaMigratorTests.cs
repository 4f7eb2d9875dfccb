using Incidents.EventStore.Postgres.Schema;
using Incidents.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Incidents.EventStore.Tests;

public sealed class SchemaMigratorTests
{
    [Fact]
    public async Task Two_nodes_migrating_a_new_database_at_once_apply_each_migration_exactly_once()
    {
        await using var database = await TestDatabase.CreateAsync("migrate");
        await using var first = database.CreateDataSource();
        await using var second = database.CreateDataSource();
        var migrations = EmbeddedMigrations.EventStore;

        var results = await Task.WhenAll(
            Task.Run(() => new SchemaMigrator(first, migrations, NullLogger<SchemaMigrator>.Instance).MigrateAsync(default)),
            Task.Run(() => new SchemaMigrator(second, migrations, NullLogger<SchemaMigrator>.Instance).MigrateAsync(default)));

        Assert.Equal(migrations.Select(m => m.Version), results.SelectMany(r => r).Select(m => m.Version).Order());
        Assert.Equal(migrations.Count, await database.CountAsync("schema_migrations"));
    }

    [Fact]
    public async Task Two_migrations_with_the_same_version_are_refused_before_touching_the_database()
    {
        await using var database = await TestDatabase.CreateAsync("dupes");
        await using var source = database.CreateDataSource();
        var migrator = new SchemaMigrator(source, [new Migration(1, "a", "select 1"), new Migration(1, "b", "select 2")], NullLogger<SchemaMigrator>.Instance);

        await Assert.ThrowsAsync<InvalidOperationException>(() => migrator.MigrateAsync(default));
    }
}
