namespace Incidents.Domain.Accounts.Events;

/// <summary>The CISO removed the account from the homepage list (000 §7(2)).</summary>
public sealed record RemovedFromPublicList(Guid AccountId, string By, DateTimeOffset At) : IAccountEvent;
