using Incidents.Api.Notifications.Outbox;
using Incidents.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Incidents.Api.Tests.Notifications;

/// <summary>Delivered notifications leave the outbox after the retention; work still to do and abandoned rows stay.</summary>
public sealed class OutboxPruningTests : IAsyncLifetime
{
    private readonly ManualTimeProvider _clock = new();
    private TestDatabase _database = null!;
    private ApiFactory _node = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("outbox-pruning");
        _node = new ApiFactory(_database, _clock);
        _ = _node.Server;
    }

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Only_delivered_rows_older_than_the_retention_are_deleted_and_the_hourly_loop_keeps_doing_it()
    {
        var now = _clock.GetUtcNow();
        await InsertAsync("delivered-long-ago", created: now.AddDays(-40), delivered: now.AddDays(-40));
        await InsertAsync("delivered-yesterday", created: now.AddDays(-1), delivered: now.AddDays(-1));
        await InsertAsync("still-to-deliver", created: now.AddDays(-40));
        await InsertAsync("abandoned", created: now.AddDays(-40), abandoned: now.AddDays(-39));

        Assert.Equal(1, await _node.Services.GetRequiredService<OutboxPruning>().PruneAsync(CancellationToken.None));
        Assert.Equal(new[] { "abandoned", "delivered-yesterday", "still-to-deliver" }, await SubjectsAsync());

        // A month later the loop, woken by the clock, removes yesterday's delivery too.
        _clock.Advance(TimeSpan.FromDays(29));
        await Eventually.ReadAsync(
            SubjectsAsync, subjects => !subjects.Contains("delivered-yesterday"), "the hourly prune",
            nudge: () => _clock.Advance(TimeSpan.FromHours(1)));
        Assert.Equal(new[] { "abandoned", "still-to-deliver" }, await SubjectsAsync());
    }

    private async Task<IReadOnlyList<string>> SubjectsAsync() =>
        (await _database.ListAsync<string>("select subject from outbox order by subject")).ToList();

    private Task InsertAsync(string subject, DateTimeOffset created, DateTimeOffset? delivered = null, DateTimeOffset? abandoned = null) =>
        _database.ExecuteAsync("""
            insert into outbox (id, notification_id, stream_id, type, subject, payload, channel, destination,
                                created_at, next_attempt_at, delivered_at, abandoned_at)
            values (gen_random_uuid(), gen_random_uuid(), 'incident-x', 'incident-reported', $1, '{}', 'webhook',
                    'https://receiver.example/hook', $2, $2, $3, $4)
            """, subject, created, (object?)delivered ?? DBNull.Value, (object?)abandoned ?? DBNull.Value);
}
