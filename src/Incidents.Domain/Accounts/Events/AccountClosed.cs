namespace Incidents.Domain.Accounts.Events;

/// <summary>
/// The account was deleted (000 §7(3); 003 (2)). <paramref name="Immediately"/>: without notice, because keeping it
/// would cause serious harm (003 (3)ウ, (4)); <paramref name="Note"/> then says what the threat was.
/// </summary>
public sealed record AccountClosed(
    Guid AccountId,
    AbolitionReason Reason,
    bool Immediately,
    string? Note,
    string By,
    DateTimeOffset At) : IAccountEvent;
