using System.Text.Json.Nodes;
using Incidents.Projections.Runner;
using Npgsql;

namespace Incidents.Projections.Tests;

/// <summary>Awaits the end of a rebuild by listening for the runner's NOTIFY, and returns its final status.</summary>
public static class RebuildWaiter
{
    public static async Task<JsonNode> UntilFinishedAsync(HttpClient operatorClient, string connectionString, string projection)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(deadline.Token);
        await using (var listen = new NpgsqlCommand($"listen {ProjectionChannels.Updated}", connection))
        {
            await listen.ExecuteNonQueryAsync(deadline.Token);
        }

        while (true)
        {
            var status = await (await operatorClient.GetAsync($"/api/projections/{projection}")).JsonAsync();
            if (status["rebuild"]?["status"]?.GetValue<string>() is "completed" or "failed")
            {
                return status;
            }

            await connection.WaitAsync(TimeSpan.FromMilliseconds(250), deadline.Token);
        }
    }
}
