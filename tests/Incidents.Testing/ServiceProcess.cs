using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Incidents.Api.Access;
using Incidents.Domain.Access;
using Npgsql;

namespace Incidents.Testing;

/// <summary>
/// The real service as its own operating-system process on a free loopback port, so a test can kill it outright
/// (SIGKILL) or run several nodes on one database, as production would.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private const int KeptOutputLines = 2000;

    private readonly Process _process;
    private readonly HttpClient _http;
    private readonly ConcurrentQueue<string> _output = new();

    private ServiceProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        _http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri Address { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the service built next to the tests and waits until it answers /health/ready.</summary>
    public static async Task<ServiceProcess> StartAsync(string connectionString, IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Incidents.Api.dll"), "--urls", address.ToString()])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ConnectionStrings__Incidents"] = connectionString;
        start.Environment["RateLimits__Enabled"] = "false";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start)!;
        var service = new ServiceProcess(process, address);
        process.OutputDataReceived += (_, line) => service.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => service.Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await service.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        return service;
    }

    /// <summary>The last lines the service wrote (its JSON logs), for assertions and for failure messages.</summary>
    public IReadOnlyList<string> Output => _output.ToArray();

    public async Task WaitUntilReadyAsync(TimeSpan patience)
    {
        var giveUp = DateTime.UtcNow + patience;
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The service exited with code {_process.ExitCode} before it was ready.");
            }

            try
            {
                if ((await _http.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (DateTime.UtcNow > giveUp)
            {
                throw new TimeoutException($"The service at {Address} was not ready within {patience}.");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>
    /// SIGTERM, as <c>docker stop</c>, systemd or Kubernetes send it: the service shuts down gracefully. Waits for the
    /// process to exit and returns its exit code.
    /// </summary>
    public async Task<int> StopAsync(TimeSpan patience)
    {
        using (var signal = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)])!)
        {
            await signal.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(patience);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The service at {Address} did not stop within {patience} of SIGTERM.");
        }

        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing; whatever was in flight is cut off.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public HttpClient Client(string token)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Creates a user directly in the service's database and returns a token for them.</summary>
    public static async Task<string> CreateUserAsync(string connectionString, string name, params Role[] roles)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var users = new UserStore(dataSource, TimeProvider.System);
        var user = await users.FindByNameAsync(name, CancellationToken.None) ?? await users.CreateAsync(name, roles, null, CancellationToken.None);
        return await users.IssueTokenAsync(user.Id, null, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > KeptOutputLines && _output.TryDequeue(out _))
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
