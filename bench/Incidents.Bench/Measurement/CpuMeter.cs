using System.Diagnostics;
using System.Globalization;
using Incidents.Bench.Load;
using Npgsql;

namespace Incidents.Bench.Measurement;

/// <summary>
/// CPU time used by this program and by the local PostgreSQL server (the postmaster and every process it started,
/// including those that ended) between two readings. On a machine whose CPUs are shared with other work, CPU time per
/// operation says more about cost than throughput does. Reads /proc; a server on another machine counts as zero.
/// </summary>
public sealed class CpuMeter
{
    private static readonly double TicksPerSecond = 100;

    private readonly int? _postmaster;

    private CpuMeter(int? postmaster) => _postmaster = postmaster;

    public static async Task<CpuMeter> ForServerAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select pg_backend_pid()");
        var backend = (int)(await command.ExecuteScalarAsync(cancellationToken))!;
        var stat = Stat(backend);
        return new CpuMeter(stat is null ? null : int.Parse(stat[1], CultureInfo.InvariantCulture));
    }

    /// <summary>Runs a load, then logs its rate, latency and CPU time per call (client and server).</summary>
    public async Task<LoadResult> MeasureAsync(string what, TextWriter log, Func<Task<LoadResult>> load)
    {
        var before = Read();
        var result = await load();
        var used = Read() - before;
        await log.WriteLineAsync(result.Latency.Describe(string.Create(CultureInfo.InvariantCulture, $"  {what} ({result.CallsPerSecond:F0}/s)")));
        await log.WriteLineAsync($"    {used.PerOperation(result.AllCalls)}{(result.Failures > 0 ? $"; {result.Failures} failed: {string.Join(" | ", result.FailureSamples)}" : "")}");
        return result;
    }

    public CpuReading Read() => new(Process.GetCurrentProcess().TotalProcessorTime, ServerTime());

    private TimeSpan ServerTime()
    {
        if (_postmaster is not { } postmaster || Stat(postmaster) is not { } own)
        {
            return TimeSpan.Zero;
        }

        // utime, stime, and the children that already ended (cutime, cstime), fields 14–17 of /proc/PID/stat.
        var ticks = own.Skip(11).Take(4).Sum(f => long.Parse(f, CultureInfo.InvariantCulture));
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), CultureInfo.InvariantCulture, out var pid) && Stat(pid) is { } child &&
                child[1] == own[^1])
            {
                ticks += long.Parse(child[11], CultureInfo.InvariantCulture) + long.Parse(child[12], CultureInfo.InvariantCulture);
            }
        }

        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    /// <summary>
    /// The fields of /proc/PID/stat after the command name, so that [1] is the parent pid and [11], [12] the user and
    /// system time; the pid itself is appended last. Null when the process is gone.
    /// </summary>
    private static string[]? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            return [.. text[(text.LastIndexOf(')') + 2)..].Split(' '), pid.ToString(CultureInfo.InvariantCulture)];
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
