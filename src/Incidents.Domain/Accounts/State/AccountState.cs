using System.Collections.Immutable;
using Incidents.Domain.Accounts.Addresses;
using Incidents.Domain.Accounts.Events;
using Incidents.Domain.Accounts.Rules;
using Incidents.Domain.Incidents;

namespace Incidents.Domain.Accounts.State;

/// <summary>An official account as its events describe it. Every field a decision reads is set by some <see cref="Apply"/>.</summary>
public sealed record AccountState
{
    public static AccountState Initial { get; } = new();

    public Guid Id { get; init; }

    public bool Exists { get; init; }

    public Platform Platform { get; init; }

    public string Handle { get; init; } = "";

    public string DisplayName { get; init; } = "";

    public string Url { get; init; } = "";

    public string Department { get; init; } = "";

    public OperationPolicy Policy { get; init; } = new("", "", "", "", null);

    public string? HomepageUrl { get; init; }

    public string ApprovedBy { get; init; } = "";

    public string OpenedBy { get; init; } = "";

    public DateTimeOffset OpenedAt { get; init; }

    public DateTimeOffset? ChangedAt { get; init; }

    /// <summary>Handles the account used before a change, with when they stopped being ours.</summary>
    public ImmutableList<FormerHandle> FormerHandles { get; init; } = [];

    public bool Listed { get; init; }

    public DateTimeOffset? ListedAt { get; init; }

    public bool Verified { get; init; }

    public DateTimeOffset? VerifiedAt { get; init; }

    public AbolitionReason? AbolitionReason { get; init; }

    public string? AbolitionNote { get; init; }

    public DateTimeOffset? AbolitionNotifiedAt { get; init; }

    public DateTimeOffset? PlannedClosingAt { get; init; }

    public DateTimeOffset? RemovedFromListAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    public bool ClosedImmediately { get; init; }

    public string? ClosingNote { get; init; }

    public AccountStatus Status => !Exists ? AccountStatus.None
        : ClosedAt is not null ? AccountStatus.Closed
        : AbolitionNotifiedAt is not null ? (Listed ? AccountStatus.AbolitionNotified : AccountStatus.Unlisted)
        : Listed ? AccountStatus.Listed
        : AccountStatus.Opened;

    /// <summary>What the registry compares: the handle's canonical spelling (for "other" platforms, the profile URL's).</summary>
    public AccountKey Key => OfficialAddress.KeyOf(Platform, Handle, Url);

    public static AccountState Fold(IEnumerable<IAccountEvent> events) =>
        events.Aggregate(Initial, (state, e) => state.Apply(e));

    public AccountState Apply(IAccountEvent e) => e switch
    {
        AccountOpened o => this with
        {
            Id = o.AccountId,
            Exists = true,
            Platform = o.Platform,
            Handle = o.Handle,
            DisplayName = o.DisplayName,
            Url = o.Url,
            Department = o.Department,
            Policy = o.Policy,
            HomepageUrl = o.HomepageUrl,
            ApprovedBy = o.ApprovedBy,
            OpenedBy = o.By,
            OpenedAt = o.At,
        },
        AccountChanged c => this with
        {
            FormerHandles = OfficialAddress.KeyOf(Platform, c.Handle, c.Url) == Key
                ? FormerHandles
                : FormerHandles.Add(new FormerHandle(Handle, Url, c.At)),
            Handle = c.Handle,
            DisplayName = c.DisplayName,
            Url = c.Url,
            Department = c.Department,
            Policy = c.Policy,
            HomepageUrl = c.HomepageUrl,
            ApprovedBy = c.ApprovedBy,
            ChangedAt = c.At,
        },
        AddedToPublicList l => this with { Listed = true, ListedAt = l.At },
        VerifiedBadgeRecorded v => this with { Verified = v.Verified, VerifiedAt = v.Verified ? v.At : null },
        AbolitionNotified a => this with
        {
            AbolitionReason = a.Reason, AbolitionNote = a.Note, AbolitionNotifiedAt = a.At, PlannedClosingAt = a.PlannedClosingAt,
        },
        RemovedFromPublicList r => this with { Listed = false, RemovedFromListAt = r.At },
        AccountClosed c => this with
        {
            ClosedAt = c.At, ClosedImmediately = c.Immediately, ClosingNote = c.Note, AbolitionReason = c.Reason,
        },
        _ => throw new InvalidOperationException($"AccountState cannot apply {e.GetType().Name}: add it to Apply."),
    };
}
