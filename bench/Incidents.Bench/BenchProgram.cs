using Incidents.Bench.Scenarios;

namespace Incidents.Bench;

/// <summary>
/// Measurements against a real PostgreSQL: <c>dotnet run --project bench/Incidents.Bench -c Release -- SCENARIO [--quick]
/// [--connection "Host=…;Username=…;Database=postgres"] [--keep] [--setting value …]</c>. Each scenario lives in its own
/// file under Scenarios/ and is listed here.
/// </summary>
public static class BenchProgram
{
    private static readonly IReadOnlyList<IBenchScenario> Scenarios =
    [
        new TimerLatencyScenario(),
        new ProjectionLagScenario(),
        new RebuildScenario(),
    ];

    public static async Task<int> Main(string[] args)
    {
        var scenario = Scenarios.FirstOrDefault(s => s.Name == args.ElementAtOrDefault(0));
        if (scenario is null)
        {
            await Console.Error.WriteLineAsync("Usage: Incidents.Bench SCENARIO [--quick] [--connection CONNECTION_STRING] [--keep] [--setting value ...]");
            foreach (var known in Scenarios)
            {
                await Console.Error.WriteLineAsync($"  {known.Name,-16} {known.Description}");
            }

            return 2;
        }

        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args.Skip(1).ToList());
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }

        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        return await scenario.RunAsync(options, Console.Out, cancellation.Token);
    }
}
