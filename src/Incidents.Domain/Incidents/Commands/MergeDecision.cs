using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents.Events;

namespace Incidents.Domain.Incidents.Commands;

/// <summary>What a merge writes to each of the two streams, or why it is refused. Both streams change together or neither.</summary>
public sealed record MergeDecision
{
    private MergeDecision(IReadOnlyList<IIncidentEvent> survivor, IReadOnlyList<IIncidentEvent> duplicate, Refusal? refusal)
    {
        SurvivorEvents = survivor;
        DuplicateEvents = duplicate;
        Refusal = refusal;
    }

    public IReadOnlyList<IIncidentEvent> SurvivorEvents { get; }

    public IReadOnlyList<IIncidentEvent> DuplicateEvents { get; }

    public Refusal? Refusal { get; }

    public static MergeDecision NoChange { get; } = new([], [], null);

    public static MergeDecision Accept(IReadOnlyList<IIncidentEvent> survivor, IReadOnlyList<IIncidentEvent> duplicate) =>
        new(survivor, duplicate, null);

    public static implicit operator MergeDecision(Refusal refusal) => new([], [], refusal);
}
