namespace Incidents.Projections.IncidentList;

public sealed record IncidentListPage(IReadOnlyList<IncidentSummary> Items, int Page, int PageSize, long Total);
