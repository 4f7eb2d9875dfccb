namespace Incidents.Domain.Accounts.Events;

/// <summary>The account's details or operation policy changed, with approval; carries the whole new picture.</summary>
public sealed record AccountChanged(
    Guid AccountId,
    string Handle,
    string DisplayName,
    string Url,
    string Department,
    OperationPolicy Policy,
    string? HomepageUrl,
    string ApprovedBy,
    string By,
    DateTimeOffset At) : IAccountEvent;
