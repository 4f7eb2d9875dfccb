namespace Incidents.Domain.Incidents;

/// <summary>An incident absorbed into another as a duplicate: which one, and which account it was about.</summary>
public sealed record MergedIncident(Guid IncidentId, IncidentKind Kind, Platform Platform, string AccountHandle);
