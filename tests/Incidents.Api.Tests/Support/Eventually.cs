using System.Diagnostics;

namespace Incidents.Api.Tests.Support;

/// <summary>
/// A bounded await for outcomes that background work produces (a timer fired, a webhook delivered): reads the state
/// until it satisfies the condition, and fails with the last value seen when the bound runs out.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan DefaultBound = TimeSpan.FromSeconds(30);

    /// <param name="nudge">Run between reads, for example to wake a worker whose wake-up might have raced with the clock.</param>
    public static async Task<T> ReadAsync<T>(
        Func<Task<T>> read, Func<T, bool> done, string what, Action? nudge = null, TimeSpan? bound = null)
    {
        var elapsed = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (elapsed.Elapsed > (bound ?? DefaultBound))
            {
                throw new TimeoutException($"Gave up waiting for {what} after {elapsed.Elapsed.TotalSeconds:F0} s; last seen: {value}");
            }

            nudge?.Invoke();
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }
}
