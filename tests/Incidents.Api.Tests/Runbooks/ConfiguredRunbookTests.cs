using Incidents.Api.Tests.Support;
using Incidents.Domain.Access;
using Incidents.Testing;

namespace Incidents.Api.Tests.Runbooks;

/// <summary>Overrides in configuration reach every place that reads a deadline: the step, its timer and its escalations.</summary>
public sealed class ConfiguredRunbookTests : IAsyncLifetime
{
    private readonly ManualTimeProvider _clock = new();
    private TestDatabase _database = null!;
    private ConfiguredApiFactory _node = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("runbook_overrides");
        _node = new ConfiguredApiFactory(_database, _clock, new Dictionary<string, string?>
        {
            ["Runbooks:Overrides:account-takeover:rotate-password:Deadline"] = "10m",
            ["Runbooks:Overrides:account-takeover:rotate-password:Ladder:Rungs:0:After"] = "5m",
            ["Runbooks:Overrides:account-takeover:rotate-password:Ladder:Rungs:0:Notify"] = "ciso",
            ["Runbooks:Overrides:account-takeover:rotate-password:Ladder:RepeatEvery"] = "2h",
        });
        _ = _node.Server;
    }

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task An_overridden_step_is_due_and_escalates_on_the_configured_schedule()
    {
        var staff = await _node.ClientForAsync("alice", Role.Staff);
        var reportedAt = _clock.GetUtcNow();

        await _node.EnsureTakeoverAccountAsync();
        var (id, _) = await staff.ReportAsync(ApiCalls.TakeoverReport());
        var (_, incident) = await staff.GetIncidentAsync(id);
        Assert.Equal(reportedAt.AddMinutes(10), incident.Step("rotate-password")["dueAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(reportedAt.AddMinutes(15), incident.Step("rotate-password")["nextEscalationAt"]!.GetValue<DateTimeOffset>());

        _node.AdvanceAndWakeTimers(_clock, TimeSpan.FromMinutes(14));
        await Escalations.AwaitNoneDueAsync(_database, _clock.GetUtcNow(), () => Wake.Timers(_node));
        Assert.Equal(0, await Escalations.CountAsync(_database, id, "rotate-password"));
        _node.AdvanceAndWakeTimers(_clock, TimeSpan.FromMinutes(1));
        await Escalations.AwaitAsync(_database, id, "rotate-password", 1, () => Wake.Timers(_node));
        _node.AdvanceAndWakeTimers(_clock, TimeSpan.FromHours(2));
        await Escalations.AwaitAsync(_database, id, "rotate-password", 2, () => Wake.Timers(_node));

        var notified = await _database.ListAsync<string>(
            "select data->>'notifiedRole' from events where stream_id = $1 and type = 'step-escalated' and data->>'stepKey' = 'rotate-password' order by position",
            "incident-" + id);
        Assert.Equal(["ciso", "ciso"], notified);
    }
}
