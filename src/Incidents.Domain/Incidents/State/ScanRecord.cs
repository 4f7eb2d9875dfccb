namespace Incidents.Domain.Incidents.State;

public sealed record ScanRecord(string DeviceName, ScanResult Result, string ScannedBy, DateTimeOffset ScannedAt);
