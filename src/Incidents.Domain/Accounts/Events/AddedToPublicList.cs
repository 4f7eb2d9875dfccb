namespace Incidents.Domain.Accounts.Events;

/// <summary>The CISO published the account on the homepage list of official accounts (000 §6(3)).</summary>
public sealed record AddedToPublicList(Guid AccountId, string By, DateTimeOffset At) : IAccountEvent;
