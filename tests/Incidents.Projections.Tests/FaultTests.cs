using System.Net;
using Incidents.Domain.Access;
using Incidents.Projections.Runner;
using Npgsql;

namespace Incidents.Projections.Tests;

public sealed class FaultTests(ProjectionFixture fixture) : IClassFixture<ProjectionFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => fixture.ResetAsync();

    [Fact]
    public async Task A_projection_stops_at_an_event_it_cannot_handle_reports_it_and_skips_nothing()
    {
        var staff = await fixture.Node.ClientForAsync("alice", Role.Staff);
        var ciso = await fixture.Node.ClientForAsync("sato", Role.Ciso);
        var (before, _) = await staff.ReportAsync(Http.Impersonation("@before"));
        await fixture.CaughtUpAsync();
        var mystery = await AppendUnknownEventAsync(before);
        await staff.ReportAsync(Http.Impersonation("@after"));

        await UntilFaultedAsync("incident-timeline");

        var status = await (await ciso.GetAsync("/api/projections/incident-timeline")).JsonAsync();
        Assert.Equal("faulted", status["status"]!.GetValue<string>());
        Assert.Equal(mystery, status["fault"]!["position"]!.GetValue<string>());
        Assert.Equal("mystery-happened", status["fault"]!["eventType"]!.GetValue<string>());
        Assert.Contains("mystery-happened", status["fault"]!["reason"]!.GetValue<string>());
        Assert.Equal(5, await TableSnapshot.ScalarAsync(fixture.Database.ConnectionString, "select count(*) from timeline_events"));
        Assert.Equal(0, await TableSnapshot.ScalarAsync(
            fixture.Database.ConnectionString, "select count(*) from timeline_events t join incident_summaries s using (incident_id) where s.account_handle = '@after'"));

        var health = await fixture.Node.CreateClient().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        var checks = (await health.JsonAsync())["checks"]!["projections"]!;
        Assert.Equal("unhealthy", checks["status"]!.GetValue<string>());
        Assert.Contains("mystery-happened", checks["description"]!.GetValue<string>());
        Assert.Equal(mystery, checks["data"]!["incident-timeline"]!["fault"]!["position"]!.GetValue<string>());

        var dashboard = await DashboardSignIn.AsAsync(fixture.Node, "sato", Role.Ciso);
        var overview = await dashboard.GetStringAsync("/dashboard");
        Assert.Contains("id=\"projection-fault\"", overview);
        Assert.Contains("mystery-happened", overview);
    }

    [Fact]
    public async Task A_stopped_projection_resumed_after_the_fix_applies_what_it_held_back()
    {
        var staff = await fixture.Node.ClientForAsync("alice", Role.Staff);
        var ciso = await fixture.Node.ClientForAsync("sato", Role.Ciso);
        var (before, _) = await staff.ReportAsync(Http.Impersonation("@before"));
        await fixture.CaughtUpAsync();
        await AppendUnknownEventAsync(before);
        await staff.ReportAsync(Http.Impersonation("@after"));
        foreach (var name in new[] { "incident-timeline", "overdue-queue", "response-metrics" })
        {
            await UntilFaultedAsync(name);
        }

        // The fix: here, the offending event is removed; in life, a version that knows its type is deployed.
        await ExecuteAsync("delete from events where type = 'mystery-happened'");
        foreach (var name in new[] { "incident-timeline", "overdue-queue", "response-metrics" })
        {
            Assert.Equal(HttpStatusCode.OK, (await ciso.PostAsync($"/api/projections/{name}/resume")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Conflict, (await ciso.PostAsync("/api/projections/incident-timeline/resume")).StatusCode);
        await fixture.CaughtUpAsync();
        Assert.Equal(10, await TableSnapshot.ScalarAsync(fixture.Database.ConnectionString, "select count(*) from timeline_events"));
        Assert.Equal(2, await TableSnapshot.ScalarAsync(fixture.Database.ConnectionString, "select count(*) from response_times"));
    }

    private async Task<string> AppendUnknownEventAsync(string incidentId)
    {
        await using var connection = new NpgsqlConnection(fixture.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            select event_transaction_id::text || ':' || event_position
              from append_events($1, (select version from streams where stream_id = $1), array['mystery-happened'], array[1],
                                 array['{}'::jsonb], '{"actorId":"x","actorRole":"staff","correlationId":"c","causationId":"c"}'::jsonb, now())
            """, connection);
        command.Parameters.Add(new() { Value = $"incident-{incidentId}" });
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(fixture.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task UntilFaultedAsync(string projection)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var connection = new NpgsqlConnection(fixture.Database.ConnectionString);
        await connection.OpenAsync(deadline.Token);
        await using (var listen = new NpgsqlCommand($"listen {ProjectionChannels.Updated}", connection))
        {
            await listen.ExecuteNonQueryAsync(deadline.Token);
        }

        while (await TableSnapshot.ScalarAsync(
                   fixture.Database.ConnectionString, $"select count(*) from projection_checkpoints where name = '{projection}' and status = 'faulted'") == 0)
        {
            await connection.WaitAsync(TimeSpan.FromMilliseconds(250), deadline.Token);
        }
    }
}
