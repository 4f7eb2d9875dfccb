using Incidents.Domain.Accounts.Events;
using Incidents.Domain.Decisions;

namespace Incidents.Domain.Accounts.Commands;

/// <summary>The outcome of deciding an account command: the events to append (none when already recorded), or a refusal.</summary>
public sealed record AccountDecision
{
    private AccountDecision(IReadOnlyList<IAccountEvent> events, Refusal? refusal)
    {
        Events = events;
        Refusal = refusal;
    }

    public IReadOnlyList<IAccountEvent> Events { get; }

    public Refusal? Refusal { get; }

    public static AccountDecision NoChange { get; } = new([], null);

    public static AccountDecision Accept(params IReadOnlyList<IAccountEvent> events) => new(events, null);

    public static implicit operator AccountDecision(Refusal refusal) => new([], refusal);
}
