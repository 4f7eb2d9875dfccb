namespace Incidents.Domain.Incidents;

public enum ScanResult
{
    Clean,
    Infected,
}
