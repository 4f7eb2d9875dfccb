using Incidents.EventStore.Postgres;

namespace Incidents.Api.Pipeline;

/// <summary>
/// Adds writes that must commit atomically with an incident's events: inline read models, deadline timers,
/// outbox messages. Participants only add statements to the unit of work; they never read or commit.
/// </summary>
public interface IIncidentWriteParticipant
{
    void Contribute(UnitOfWork unit, IncidentChange change);
}
