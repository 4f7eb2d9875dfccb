namespace Incidents.Domain.Incidents.Events;

/// <summary>A fact recorded on an incident's stream. Every event says which incident, who and when.</summary>
public interface IIncidentEvent
{
    Guid IncidentId { get; }

    string By { get; }

    DateTimeOffset At { get; }
}
