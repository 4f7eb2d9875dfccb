namespace Incidents.Domain.Incidents.Events;

public sealed record PcScanned(
    Guid IncidentId,
    string DeviceName,
    ScanResult Result,
    string? Findings,
    string By,
    DateTimeOffset At) : IIncidentEvent;
