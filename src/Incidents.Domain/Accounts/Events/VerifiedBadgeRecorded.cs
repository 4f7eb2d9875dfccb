namespace Incidents.Domain.Accounts.Events;

/// <summary>Whether the platform shows the account as verified (認証アカウント, 000 §6(3)).</summary>
public sealed record VerifiedBadgeRecorded(Guid AccountId, bool Verified, string? Note, string By, DateTimeOffset At) : IAccountEvent;
