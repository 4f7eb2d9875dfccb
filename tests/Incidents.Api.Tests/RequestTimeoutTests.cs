using System.Diagnostics;
using System.Net;
using Incidents.Api.Tests.Support;
using Incidents.Domain.Access;
using Npgsql;

namespace Incidents.Api.Tests;

/// <summary>A request that waits on the database longer than the request timeout is answered, not left hanging.</summary>
public sealed class RequestTimeoutTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private ConfiguredApiFactory _node = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("timeouts");
        _node = new ConfiguredApiFactory(_database, TimeProvider.System, new Dictionary<string, string?> { ["RequestTimeouts:Default"] = "00:00:01" });
        _ = _node.Server;
    }

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_request_stuck_behind_a_lock_gets_a_504_problem_after_the_timeout_and_the_next_one_succeeds()
    {
        var staff = await _node.ClientForAsync("alice", Role.Staff);
        await using (var connection = new NpgsqlConnection(_database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await using (var lockTable = new NpgsqlCommand("lock table incident_summaries in access exclusive mode", connection, transaction))
            {
                await lockTable.ExecuteNonQueryAsync();
            }

            var elapsed = Stopwatch.StartNew();
            var stuck = await staff.GetAsync("/api/incidents");

            var problem = await stuck.AssertProblemAsync(HttpStatusCode.GatewayTimeout);
            Assert.Equal("request-timeout", problem["code"]!.GetValue<string>());
            Assert.InRange(elapsed.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
        }

        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/api/incidents")).StatusCode);
    }
}
