using System.Globalization;

namespace Incidents.Bench;

/// <summary>
/// The command line after the scenario name: <c>--quick</c>, <c>--connection "Host=…"</c> (else INCIDENTS_TEST_POSTGRES),
/// <c>--keep</c> (keep the scenario's database), <c>--output FOLDER</c> (artifacts/bench), and scenario settings as
/// <c>--name value</c>.
/// </summary>
public sealed class BenchOptions
{
    public const string ConnectionVariable = "INCIDENTS_TEST_POSTGRES";

    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

    public bool Quick { get; private init; }

    public bool KeepDatabase { get; private init; }

    public required string AdminConnectionString { get; init; }

    public string OutputFolder => _values.GetValueOrDefault("output") ?? Path.Combine("artifacts", "bench");

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var flags = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Unexpected argument '{args[i]}'.");
            }

            var name = args[i][2..];
            if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                values[name] = args[++i];
            }
            else
            {
                flags.Add(name);
            }
        }

        var connection = values.GetValueOrDefault("connection") ?? Environment.GetEnvironmentVariable(ConnectionVariable);
        if (string.IsNullOrWhiteSpace(connection))
        {
            throw new ArgumentException(
                $"Give the PostgreSQL cluster with --connection \"Host=…;Username=…;Database=postgres\" or {ConnectionVariable}.");
        }

        var options = new BenchOptions { AdminConnectionString = connection, Quick = flags.Contains("quick"), KeepDatabase = flags.Contains("keep") };
        foreach (var (name, value) in values)
        {
            options._values[name] = value;
        }

        return options;
    }

    public int Int(string name, int full, int quick) =>
        _values.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : Quick ? quick : full;

    /// <summary>A duration given in (possibly fractional) seconds.</summary>
    public TimeSpan Seconds(string name, double full, double quick) =>
        TimeSpan.FromSeconds(_values.TryGetValue(name, out var text) ? double.Parse(text, CultureInfo.InvariantCulture) : Quick ? quick : full);
}
