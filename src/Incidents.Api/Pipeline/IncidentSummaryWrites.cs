using Incidents.EventStore.Postgres;
using Incidents.Projections.IncidentList;

namespace Incidents.Api.Pipeline;

/// <summary>Keeps the incident list row in step with the stream, in the same transaction.</summary>
public sealed class IncidentSummaryWrites : IIncidentWriteParticipant
{
    public void Contribute(UnitOfWork unit, IncidentChange change) =>
        unit.Add(IncidentSummaryProjection.Upsert(change.After, change.Version, change.Now));
}
