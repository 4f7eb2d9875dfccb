using Incidents.Domain.Incidents;

namespace Incidents.Domain.Accounts.Events;

/// <summary>
/// The department opened an account with its head's approval (000 §6(1); 003 (1)) and notified the CISO of it
/// (別紙2 ソーシャルメディア利用届出書, 000 §6(3)). <paramref name="HomepageUrl"/> is the homepage page that introduces
/// the account, which its profile links back to (000 §6(3); 002 §4(2)).
/// </summary>
public sealed record AccountOpened(
    Guid AccountId,
    Platform Platform,
    string Handle,
    string DisplayName,
    string Url,
    string Department,
    OperationPolicy Policy,
    string? HomepageUrl,
    string ApprovedBy,
    string By,
    DateTimeOffset At) : IAccountEvent;
