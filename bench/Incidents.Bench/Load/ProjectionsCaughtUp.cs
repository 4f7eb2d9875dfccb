using System.Diagnostics;
using Npgsql;

namespace Incidents.Bench.Load;

/// <summary>
/// Waits until every asynchronous projection's checkpoint has reached the end of the event feed, so that one load
/// phase's backlog neither slows the next phase down nor goes uncounted in the phase that caused it.
/// </summary>
public static class ProjectionsCaughtUp
{
    public static async Task<TimeSpan> WaitAsync(NpgsqlDataSource dataSource, TimeSpan patience, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await using var command = dataSource.CreateCommand("""
            select count(*) = 0 from projection_checkpoints c
             where c.name <> 'incident-list'
               and exists (select 1 from events e where (e.transaction_id, e.position) > (c.transaction_id, c.position))
            """);
        while (!(bool)(await command.ExecuteScalarAsync(cancellationToken))! && clock.Elapsed < patience)
        {
            await Task.Delay(50, cancellationToken);
        }

        return clock.Elapsed;
    }
}
