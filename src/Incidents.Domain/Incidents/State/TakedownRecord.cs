namespace Incidents.Domain.Incidents.State;

public sealed record TakedownRecord(Platform Platform, string TargetUrl, string? Reference, string RequestedBy, DateTimeOffset RequestedAt);
