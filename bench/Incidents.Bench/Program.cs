using Incidents.Bench;

// Benchmarks that need a PostgreSQL: give its address (a database the bench may create others on) with --connection
// or INCIDENTS_BENCH_POSTGRES; scripts/bench.sh starts a local one. One scenario per run, each in its own file:
//   projection-lag [--quick]   commit → read model lag at a sustained 500 events/s, with a plain-table baseline
//   rebuild [--quick]          rebuild speed of every projection over 1,000,000 generated events
var options = BenchOptions.Parse(args);
if (options is null)
{
    await Console.Error.WriteLineAsync(BenchOptions.Usage);
    return 2;
}

await using var database = await BenchDatabase.CreateAsync(options.ConnectionString, options.Keep);
return options.Scenario switch
{
    "projection-lag" => await ProjectionLagScenario.RunAsync(database, options),
    "rebuild" => await RebuildScenario.RunAsync(database, options),
    _ => 2,
};
