using Incidents.Projections.IncidentList;
using Incidents.Projections.Runner;
using Npgsql;

namespace Incidents.Testing;

/// <summary>
/// Awaits the asynchronous projections: returns once every one has applied every committed event. It listens for the
/// runner's NOTIFY after each batch rather than sleeping, and fails at once, with the reason, if one stopped at a fault.
/// </summary>
public static class ProjectionCatchUp
{
    private static readonly string[] Asynchronous =
        ProjectionEngine.DefaultNames.Where(n => n != IncidentListRebuild.ProjectionName).ToArray();

    public static async Task WaitAsync(string connectionString, TimeSpan? timeout = null, IReadOnlyList<string>? projections = null)
    {
        var names = projections?.ToArray() ?? Asynchronous;
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(deadline.Token);
        await using (var listen = new NpgsqlCommand($"listen {ProjectionChannels.Updated}", connection))
        {
            await listen.ExecuteNonQueryAsync(deadline.Token);
        }

        while (true)
        {
            await using (var check = new NpgsqlCommand("""
                select n.name, c.status = 'faulted', c.error,
                       not exists (select 1 from events e
                                    where (e.transaction_id, e.position) > (coalesce(c.transaction_id, '0'::xid8), coalesce(c.position, 0)))
                  from unnest($1::text[]) as n(name)
                  left join projection_checkpoints c on c.name = n.name
                """, connection))
            {
                check.Parameters.Add(new() { Value = names });
                var caughtUp = true;
                await using var reader = await check.ExecuteReaderAsync(deadline.Token);
                while (await reader.ReadAsync(deadline.Token))
                {
                    if (!reader.IsDBNull(1) && reader.GetBoolean(1))
                    {
                        throw new InvalidOperationException($"Projection {reader.GetString(0)} stopped: {reader.GetString(2)}");
                    }

                    caughtUp &= reader.GetBoolean(3);
                }

                if (caughtUp)
                {
                    return;
                }
            }

            try
            {
                // A NOTIFY wakes us at once; the short timeout only covers one that was coalesced away.
                await connection.WaitAsync(TimeSpan.FromMilliseconds(250), deadline.Token);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                throw new TimeoutException($"The projections {string.Join(", ", names)} did not catch up with the feed in time.");
            }
        }
    }
}
