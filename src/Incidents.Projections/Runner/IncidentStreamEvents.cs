using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Events;
using Incidents.EventStore.Postgres.Streams;

namespace Incidents.Projections.Runner;

/// <summary>
/// The incident events of a batch. Streams of other kinds are not the incident projections' business; an incident
/// stream carrying something that is not an incident event is a fault, never passed over.
/// </summary>
public static class IncidentStreamEvents
{
    public static IEnumerable<(RecordedEvent Recorded, IIncidentEvent Event)> Of(IReadOnlyList<RecordedEvent> events, string projection)
    {
        foreach (var recorded in events)
        {
            if (!IncidentId.TryParseStreamId(recorded.StreamId, out _))
            {
                continue;
            }

            if (recorded.Data is not IIncidentEvent incidentEvent)
            {
                throw new UnhandledEventException(projection, recorded.Type, "an incident stream holds an event that is not an incident event.");
            }

            yield return (recorded, incidentEvent);
        }
    }

    public static UnhandledEventException Unhandled(string projection, IIncidentEvent e) =>
        new(projection, e.GetType().Name, "no rule for this event type; add one (or an explicit 'no change') to the projection.");
}
