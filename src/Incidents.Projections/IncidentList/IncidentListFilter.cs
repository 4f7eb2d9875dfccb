using Incidents.Domain.Incidents;

namespace Incidents.Projections.IncidentList;

public sealed record IncidentListFilter(
    IncidentKind? Kind,
    IncidentStatus? Status,
    bool? Overdue,
    int Page,
    int PageSize);
