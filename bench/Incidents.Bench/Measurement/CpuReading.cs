using System.Globalization;

namespace Incidents.Bench.Measurement;

/// <summary>CPU time used so far by the bench program and by the database server.</summary>
public readonly record struct CpuReading(TimeSpan Client, TimeSpan Server)
{
    public static CpuReading operator -(CpuReading later, CpuReading earlier) => new(later.Client - earlier.Client, later.Server - earlier.Server);

    /// <summary>Microseconds of CPU per operation, client and server.</summary>
    public string PerOperation(double operations) => string.Create(CultureInfo.InvariantCulture,
        $"CPU per operation: client {Client.TotalMicroseconds / operations:F0} µs, server {Server.TotalMicroseconds / operations:F0} µs");
}
