using Incidents.Domain.Incidents.Events;

namespace Incidents.Domain.Decisions;

/// <summary>
/// The outcome of deciding a command: either the events to append (none when the fact is already recorded)
/// or a refusal.
/// </summary>
public sealed record Decision
{
    private Decision(IReadOnlyList<IIncidentEvent> events, Refusal? refusal)
    {
        Events = events;
        Refusal = refusal;
    }

    public IReadOnlyList<IIncidentEvent> Events { get; }

    public Refusal? Refusal { get; }

    public bool IsRefused => Refusal is not null;

    public static Decision NoChange { get; } = new([], null);

    public static Decision Accept(params IReadOnlyList<IIncidentEvent> events) => new(events, null);

    public static Decision Refuse(Refusal refusal) => new([], refusal);

    public static implicit operator Decision(Refusal refusal) => Refuse(refusal);
}
