using Incidents.Domain.Access;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Incidents.State;
using Incidents.Domain.Runbooks;

namespace Incidents.Api.Pipeline;

/// <summary>
/// What one accepted command changes, as the write participants see it before commit. <paramref name="TraceParent"/> is
/// the W3C id of the span deciding it (also stored with the events), for work that must continue its trace later.
/// </summary>
public sealed record IncidentChange(
    IncidentState Before,
    IncidentState After,
    long Version,
    IReadOnlyList<IIncidentEvent> Events,
    Actor Actor,
    DateTimeOffset Now,
    Runbook Runbook,
    string CorrelationId,
    string? TraceParent = null);
