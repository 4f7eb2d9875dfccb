namespace Incidents.Projections.IncidentList;

public sealed record IncidentCount(string Kind, string Status, long Count, long Overdue);
