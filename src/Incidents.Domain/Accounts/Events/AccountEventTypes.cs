namespace Incidents.Domain.Accounts.Events;

/// <summary>
/// The stable wire name of every official-account event. Stored rows carry these names, never CLR type names.
/// Never change a name once events carry it.
/// </summary>
public static class AccountEventTypes
{
    public const int SchemaVersion = 1;

    public static IReadOnlyDictionary<string, Type> ByWireName { get; } = new Dictionary<string, Type>
    {
        ["account-opened"] = typeof(AccountOpened),
        ["account-changed"] = typeof(AccountChanged),
        ["account-added-to-public-list"] = typeof(AddedToPublicList),
        ["account-verified-badge-recorded"] = typeof(VerifiedBadgeRecorded),
        ["account-abolition-notified"] = typeof(AbolitionNotified),
        ["account-removed-from-public-list"] = typeof(RemovedFromPublicList),
        ["account-closed"] = typeof(AccountClosed),
    };
}
