using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Incidents.Testing;

/// <summary>
/// A private PostgreSQL cluster that a test may stop, kill and restart under a running service, without disturbing
/// the shared test server. Uses Debian's binaries; when the tests run as root, the cluster runs as 'postgres'.
/// </summary>
public sealed class PostgresInstance : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _directory;
    private readonly bool _asPostgresUser;

    private PostgresInstance(string bin, string directory, int port, bool asPostgresUser)
    {
        _bin = bin;
        _directory = directory;
        Port = port;
        _asPostgresUser = asPostgresUser;
    }

    public int Port { get; }

    public string ConnectionString(string database = "postgres") =>
        $"Host=127.0.0.1;Port={Port};Username=incidents;Database={database};Timeout=3;Command Timeout=10";

    private string DataDirectory => Path.Combine(_directory, "data");

    public static async Task<PostgresInstance> StartAsync()
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => d, StringComparer.Ordinal)
            .Select(d => Path.Combine(d, "bin")).FirstOrDefault(d => File.Exists(Path.Combine(d, "pg_ctl")))
            ?? throw new InvalidOperationException("PostgreSQL binaries not found under /usr/lib/postgresql; scripts/test.sh installs them.");
        var asPostgresUser = Environment.UserName == "root";
        var directory = Path.Combine(Path.GetTempPath(), "incidents-pg-" + Guid.NewGuid().ToString("N")[..12]);
        var instance = new PostgresInstance(bin, directory, FreePort(), asPostgresUser);
        await instance.RunAsync("mkdir", "-p", directory);
        await instance.RunAsync(Path.Combine(bin, "initdb"), "-D", instance.DataDirectory, "-U", "incidents", "--auth=trust", "--no-locale", "-E", "UTF8");
        await instance.StartServerAsync();
        return instance;
    }

    public async Task CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"create database \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Stops the server the way a crash or an operator's "stop now" would: clients lose their connections.</summary>
    public Task StopAsync() => RunAsync(Path.Combine(_bin, "pg_ctl"), "-D", DataDirectory, "-m", "immediate", "-w", "stop");

    public Task StartServerAsync() => RunAsync(
        Path.Combine(_bin, "pg_ctl"), "-D", DataDirectory, "-l", Path.Combine(_directory, "log"), "-w", "-t", "60",
        "-o", $"-c listen_addresses=127.0.0.1 -c port={Port} -c unix_socket_directories='' -c fsync=off -c max_connections=100",
        "start");

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        NpgsqlConnection.ClearAllPools();
        await RunAsync("rm", "-rf", _directory);
    }

    private async Task RunAsync(string program, params string[] arguments)
    {
        var start = _asPostgresUser
            ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", program, .. arguments])
            : new ProcessStartInfo(program, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed ({process.ExitCode}): {await errors}{await output}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
