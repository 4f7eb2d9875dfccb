using Incidents.EventStore.Postgres.Streams;
using Incidents.Testing;
using Npgsql;

namespace Incidents.EventStore.Tests;

public sealed class TransientFaultTests(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    [Fact]
    public async Task Reads_are_retried_when_the_server_kills_the_pooled_connections()
    {
        var stream = "faults-" + Guid.NewGuid().ToString("N");
        await fixture.Store.AppendAsync(stream, ExpectedVersion.NoStream, [new ThingHappened(1, "a")], StoreFixture.Metadata(), default);
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => fixture.Store.ReadStreamAsync(stream, 0, default)));

        await using (var admin = new NpgsqlConnection(PostgresServer.AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var kill = new NpgsqlCommand(
                "select count(pg_terminate_backend(pid)) from pg_stat_activity where application_name = 'store-tests' and datname = $1", admin);
            kill.Parameters.Add(new() { Value = fixture.Database.Name });
            Assert.True((long)(await kill.ExecuteScalarAsync())! > 0);
        }

        var events = await fixture.Store.ReadStreamAsync(stream, 0, default);

        Assert.Single(events);
    }
}
