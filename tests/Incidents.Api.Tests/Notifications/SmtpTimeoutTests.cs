using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Incidents.Api.Access;
using Incidents.Api.Tests.Support;
using Incidents.Domain.Access;
using Microsoft.Extensions.DependencyInjection;

namespace Incidents.Api.Tests.Notifications;

/// <summary>
/// An SMTP server that accepts connections and never says a word must not hold a delivery (and its lease) indefinitely.
/// SmtpClient.Timeout is documented for the synchronous Send only, so the service bounds the delivery itself; whichever
/// of the two fires first ends the attempt.
/// </summary>
public sealed class SmtpTimeoutTests : IAsyncLifetime
{
    private readonly TcpListener _silent = new(IPAddress.Loopback, 0);
    private readonly List<TcpClient> _held = [];
    private TestDatabase _database = null!;
    private ConfiguredApiFactory _node = null!;

    public async Task InitializeAsync()
    {
        _silent.Start();
        _ = HoldConnectionsAsync();
        _database = await TestDatabase.CreateAsync("smtptimeout");
        _node = new ConfiguredApiFactory(_database, TimeProvider.System, new Dictionary<string, string?>
        {
            ["Notifications:Smtp:Host"] = "127.0.0.1",
            ["Notifications:Smtp:Port"] = ((IPEndPoint)_silent.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture),
            ["Notifications:Smtp:Timeout"] = "00:00:01",
            ["Notifications:ImmediateRetries"] = "0",
        });
        _ = _node.Server;
    }

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        _silent.Stop();
        _held.ForEach(c => c.Dispose());
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_silent_smtp_server_times_the_delivery_out_and_the_notification_waits_for_its_retry()
    {
        await _node.Services.GetRequiredService<UserStore>().CreateAsync("hiroshi", [Role.DepartmentHead], "hiroshi@town.example", CancellationToken.None);
        var staff = await _node.ClientForAsync("alice", Role.Staff);
        var elapsed = Stopwatch.StartNew();

        await staff.ReportAsync();

        var error = await Eventually.ReadAsync(
            () => _database.ScalarAsync<string?>("select coalesce(max(last_error), '') from outbox where channel = 'email'"), e => e is { Length: > 0 },
            "the delivery to time out", bound: TimeSpan.FromSeconds(15));
        Assert.True(
            error!.StartsWith("TimeoutRejectedException", StringComparison.Ordinal) || error.StartsWith("SmtpException: The operation has timed out", StringComparison.Ordinal),
            error);
        Assert.True(elapsed.Elapsed < TimeSpan.FromSeconds(10), $"the delivery took {elapsed.Elapsed} to time out");
        Assert.Equal(1, await _database.ScalarAsync<long>(
            "select count(*) from outbox where channel = 'email' and delivered_at is null and abandoned_at is null and lease_token is null"));
    }

    private async Task HoldConnectionsAsync()
    {
        try
        {
            while (true)
            {
                _held.Add(await _silent.AcceptTcpClientAsync());
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }
}
