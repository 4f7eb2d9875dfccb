namespace Incidents.Bench;

public sealed record BenchOptions(string Scenario, bool Quick, bool Keep, string ConnectionString)
{
    public const string Usage = """
        Usage: Incidents.Bench <projection-lag|rebuild> [--quick] [--keep] [--connection "Host=…;Username=…;Database=postgres"]
          projection-lag   sustained 500 events/s for 60 s (--quick: 10 s); commit → read model lag p50/p99, plain-table baseline
          rebuild          1,000,000 generated events (--quick: 50,000); rebuild events/s of every projection
        --keep leaves the bench database in place for inspection (its name is printed).
        The connection may also come from INCIDENTS_BENCH_POSTGRES; scripts/bench.sh starts a local PostgreSQL.
        """;

    public static BenchOptions? Parse(string[] args)
    {
        var scenario = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
        var index = Array.IndexOf(args, "--connection");
        var connection = index >= 0 && index + 1 < args.Length ? args[index + 1] : Environment.GetEnvironmentVariable("INCIDENTS_BENCH_POSTGRES");
        return scenario is "projection-lag" or "rebuild" && !string.IsNullOrWhiteSpace(connection)
            ? new BenchOptions(scenario, args.Contains("--quick"), args.Contains("--keep"), connection)
            : null;
    }
}
