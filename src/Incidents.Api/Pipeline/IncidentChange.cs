using Incidents.Domain.Access;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Incidents.State;
using Incidents.Domain.Runbooks;

namespace Incidents.Api.Pipeline;

/// <summary>What one accepted command changes, as the write participants see it before commit.</summary>
public sealed record IncidentChange(
    IncidentState Before,
    IncidentState After,
    long Version,
    IReadOnlyList<IIncidentEvent> Events,
    Actor Actor,
    DateTimeOffset Now,
    Runbook Runbook,
    string CorrelationId);
