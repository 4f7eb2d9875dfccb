using Incidents.Testing;

namespace Incidents.Api.Tests;

/// <summary>The real service on its own database with a controllable clock; each test resets the data first.</summary>
public sealed class ApiFixture : IAsyncLifetime
{
    public ManualTimeProvider Clock { get; } = new();

    public TestDatabase Database { get; private set; } = null!;

    public ApiFactory Factory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync("api");
        Factory = new ApiFactory(Database, Clock);
        _ = Factory.Server;
    }

    public Task ResetAsync() => Database.ResetAsync();

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }
}
