namespace Incidents.Projections.IncidentList;

/// <summary>
/// What the dashboard's overview shows: wire names of a kind and a status (null: any; without a status, only
/// incidents that are not closed), and whether to show only overdue ones.
/// </summary>
public sealed record UrgentIncidentsFilter(string? Kind, string? Status, bool OverdueOnly, int Limit);
