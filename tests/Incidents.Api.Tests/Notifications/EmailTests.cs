using Incidents.Api.Access;
using Incidents.Api.Tests.Support;
using Incidents.Domain.Access;
using Incidents.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Incidents.Api.Tests.Notifications;

/// <summary>E-mail through SMTP, received by a listener the test runs itself.</summary>
public sealed class EmailTests : IAsyncLifetime
{
    private readonly ManualTimeProvider _clock = new();
    private readonly SmtpListener _smtp = new();
    private TestDatabase _database = null!;
    private ConfiguredApiFactory _node = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("email");
        _node = new ConfiguredApiFactory(_database, _clock, new Dictionary<string, string?>
        {
            ["Notifications:Smtp:Host"] = "127.0.0.1",
            ["Notifications:Smtp:Port"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Notifications:Smtp:From"] = "incidents@town.misato.example",
            ["Notifications:PublicBaseUrl"] = "https://incidents.town.misato.example",
            ["Notifications:ImmediateRetryDelay"] = "00:00:00",
        });
        _ = _node.Server;
    }

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        await _smtp.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<HttpClient> PersonAsync(string name, string? email, params Role[] roles)
    {
        await _node.Services.GetRequiredService<UserStore>().CreateAsync(name, roles, email, CancellationToken.None);
        return await _node.ClientForAsync(name, roles);
    }

    [Fact]
    public async Task People_with_an_address_are_mailed_what_waits_for_them_and_each_escalation_that_reaches_them()
    {
        var staff = await PersonAsync("alice", "alice@town.misato.example", Role.Staff);
        var head = await PersonAsync("hiroshi", "Hiroshi@Town.Misato.Example", Role.DepartmentHead);
        await PersonAsync("nomail", null, Role.DepartmentHead);

        await _node.EnsureTakeoverAccountAsync();
        var (id, etag) = await staff.ReportAsync(ApiCalls.TakeoverReport());

        var reported = await _smtp.NextAsync("hiroshi@town.misato.example", "新しいインシデント");
        Assert.Equal("incidents@town.misato.example", reported.From);
        Assert.StartsWith("[インシデント] 新しいインシデント（乗っ取り）", reported.Subject);
        Assert.Contains($"https://incidents.town.misato.example/api/incidents/{id}", reported.Body);
        Assert.Contains("New incident (Account takeover)", reported.Body);

        await head.CommandAsync(id, "steps/rotate-password/assign", new { assignee = "alice" }, etag);
        var assigned = await _smtp.NextAsync("alice@town.misato.example", "担当");
        Assert.Contains("より安全なパスワードへの変更", assigned.Subject);

        _node.AdvanceAndWakeTimers(_clock, TimeSpan.FromMinutes(30));
        await _smtp.NextAsync("alice@town.misato.example", "第1段階");
        _node.AdvanceAndWakeTimers(_clock, TimeSpan.FromMinutes(15));
        var toHead = await _smtp.NextAsync("hiroshi@town.misato.example", "第2段階");
        Assert.Contains("所属長", toHead.Subject);
        Assert.Contains("Overdue, level 2", toHead.Body);

        Assert.Equal(0, await _database.ScalarAsync<long>("select count(*) from outbox where channel = 'email' and destination not like '%@town.misato.example'"));
        await Eventually.ReadAsync(
            () => _database.ScalarAsync<long>("select count(*) from outbox where delivered_at is null"), n => n == 0, "every e-mail to be marked delivered");
    }
}
