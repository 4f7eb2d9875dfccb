using Incidents.Testing;

namespace Incidents.Projections.Tests;

/// <summary>The real service on its own database with a controllable clock; each test resets the data first.</summary>
public sealed class ProjectionFixture : IAsyncLifetime
{
    public ManualTimeProvider Clock { get; } = new();

    public TestDatabase Database { get; private set; } = null!;

    public ProjectionNode Node { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync("projections");
        Node = new ProjectionNode(Database, Clock);
        _ = Node.Server;
    }

    public Task ResetAsync() => Database.ResetAsync();

    public Task CaughtUpAsync() => ProjectionCatchUp.WaitAsync(Database.ConnectionString);

    public async Task DisposeAsync()
    {
        await Node.DisposeAsync();
        await Database.DisposeAsync();
    }
}
