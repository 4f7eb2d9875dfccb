namespace Incidents.Projections.Tests;

/// <summary>
/// For conditions nothing announces (which node leads after a takeover): checks again every few milliseconds until
/// true, or fails with the description once the deadline passes.
/// </summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, string description, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(20));
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Not true in time: {description}");
            await Task.Delay(20);
        }
    }

    public static Task TrueAsync(Func<bool> condition, string description, TimeSpan? within = null) =>
        TrueAsync(() => Task.FromResult(condition()), description, within);
}
