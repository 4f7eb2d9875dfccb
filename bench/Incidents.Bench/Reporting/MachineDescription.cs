using System.Globalization;
using System.Runtime.InteropServices;
using Npgsql;

namespace Incidents.Bench.Reporting;

/// <summary>Where the figures were measured: CPU, memory, operating system, runtime, and the PostgreSQL server and its durability settings.</summary>
public sealed record MachineDescription(
    string Cpu, int LogicalCpus, string Memory, string OperatingSystem, string DotNet, string PostgreSql,
    IReadOnlyDictionary<string, string> PostgreSqlSettings)
{
    private static readonly string[] Settings = ["fsync", "synchronous_commit", "wal_sync_method", "full_page_writes", "shared_buffers", "max_connections"];

    public static async Task<MachineDescription> DescribeAsync(string adminConnectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var version = new NpgsqlCommand("select version()", connection);
        var postgres = (string)(await version.ExecuteScalarAsync(cancellationToken))!;
        var settings = new Dictionary<string, string>();
        await using (var show = new NpgsqlCommand("select name, setting, unit from pg_settings where name = any($1) order by name", connection))
        {
            show.Parameters.Add(new() { Value = Settings });
            await using var reader = await show.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                settings[reader.GetString(0)] = reader.GetString(1) + (reader.IsDBNull(2) ? "" : " × " + reader.GetString(2));
            }
        }

        return new MachineDescription(
            ProcFileValue("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
            Environment.ProcessorCount,
            MemoryText(),
            OsName(),
            RuntimeInformation.FrameworkDescription,
            postgres,
            settings);
    }

    private static string MemoryText()
    {
        var total = ProcFileValue("/proc/meminfo", "MemTotal");
        return total is not null && long.TryParse(total.Split(' ')[0], CultureInfo.InvariantCulture, out var kilobytes)
            ? string.Create(CultureInfo.InvariantCulture, $"{kilobytes / 1024.0 / 1024.0:F1} GiB")
            : "unknown";
    }

    private static string OsName()
    {
        var pretty = File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?["PRETTY_NAME=".Length..].Trim('"')
            : null;
        return pretty is null ? RuntimeInformation.OSDescription : $"{pretty}, kernel {Environment.OSVersion.Version}";
    }

    /// <summary>The value after "name:" on the first line of a /proc file that starts with that name.</summary>
    private static string? ProcFileValue(string path, string name) =>
        File.Exists(path)
            ? File.ReadLines(path).FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
}
