using System.Diagnostics;
using Incidents.Bench.Reporting;
using Incidents.Bench.Scenarios;

namespace Incidents.Bench;

/// <summary>
/// Measurements against a real PostgreSQL: <c>Incidents.Bench (all | SCENARIO) [--quick] [--connection "Host=…;Username=…;Database=postgres"]
/// [--output FOLDER] [--keep] [--setting value …]</c>. Each scenario lives in its own file under Scenarios/ and is listed
/// here; <c>all</c> runs them in this order. The results are printed as a Markdown table and written to
/// FOLDER/results.md and FOLDER/results.json. The exit code is 0 when every scenario worked, whatever the numbers.
/// </summary>
public static class BenchProgram
{
    public const string All = "all";

    private static readonly IReadOnlyList<IBenchScenario> Scenarios =
    [
        new AppendScenario(),
        new BatchAppendScenario(),
        new HttpScenario(),
        new ProjectionLagScenario(),
        new RebuildScenario(),
        new TimerLatencyScenario(),
    ];

    public static async Task<int> Main(string[] args)
    {
        var name = args.ElementAtOrDefault(0);
        var chosen = name == All ? Scenarios : Scenarios.Where(s => s.Name == name).ToList();
        if (chosen.Count == 0)
        {
            await Console.Error.WriteLineAsync(
                "Usage: Incidents.Bench (all | SCENARIO) [--quick] [--connection CONNECTION_STRING] [--output FOLDER] [--keep] [--setting value ...]");
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

        var startedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var machine = await MachineDescription.DescribeAsync(options.AdminConnectionString, cancellation.Token);
        var results = new List<ScenarioResult>();
        foreach (var scenario in chosen)
        {
            results.Add(await RunAsync(scenario, options, cancellation.Token));
        }

        var report = new BenchReport(CommandLine(args), options.Quick, startedAt, clock.Elapsed, machine, results);
        Console.WriteLine();
        Console.WriteLine(ResultsMarkdown.Render(report));
        var (markdown, json) = await ResultsFiles.WriteAsync(report, options.OutputFolder, cancellation.Token);
        Console.WriteLine($"Written to {markdown} and {json}.");
        return report.Worked ? 0 : 1;
    }

    /// <summary>The arguments as run, without the connection string (it names a local cluster and may carry a password).</summary>
    private static string CommandLine(string[] args)
    {
        var shown = new List<string> { "Incidents.Bench" };
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--connection")
            {
                i++;
                continue;
            }

            shown.Add(args[i]);
        }

        return string.Join(' ', shown);
    }

    /// <summary>A scenario that throws did not work; the others still run, and the run fails at the end.</summary>
    private static async Task<ScenarioResult> RunAsync(IBenchScenario scenario, BenchOptions options, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        Console.WriteLine($"== {scenario.Name}: {scenario.Description}");
        try
        {
            var result = await scenario.RunAsync(options, Console.Out, cancellationToken);
            Console.WriteLine($"== {scenario.Name} {(result.Worked ? "worked" : "did not work: " + result.Problem)} in {clock.Elapsed.TotalSeconds:F0} s");
            return result;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Console.WriteLine($"== {scenario.Name} failed after {clock.Elapsed.TotalSeconds:F0} s: {e}");
            return new ScenarioResult(scenario.Name, new Dictionary<string, string>(), [], false, clock.Elapsed, e.Message);
        }
    }
}
