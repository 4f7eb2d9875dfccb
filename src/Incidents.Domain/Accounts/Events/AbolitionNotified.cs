namespace Incidents.Domain.Accounts.Events;

/// <summary>
/// The department head notified the CISO that the account will be abolished (別紙3 ソーシャルメディア廃止届出書,
/// 000 §7(1)). Until <paramref name="PlannedClosingAt"/> the closing is announced (003 (4)).
/// </summary>
public sealed record AbolitionNotified(
    Guid AccountId,
    AbolitionReason Reason,
    string? Note,
    DateTimeOffset? PlannedClosingAt,
    string By,
    DateTimeOffset At) : IAccountEvent;
