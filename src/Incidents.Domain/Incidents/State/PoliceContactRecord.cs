namespace Incidents.Domain.Incidents.State;

public sealed record PoliceContactRecord(string Station, string? CaseReference, string ContactedBy, DateTimeOffset ContactedAt);
