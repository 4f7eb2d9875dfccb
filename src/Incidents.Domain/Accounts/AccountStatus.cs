namespace Incidents.Domain.Accounts;

/// <summary>Where an account stands in its lifecycle (000 §6, §7; 003 account lifecycle).</summary>
public enum AccountStatus
{
    /// <summary>The stream does not exist yet.</summary>
    None,

    /// <summary>Opened and notified to the CISO (別紙2), not yet on the public list.</summary>
    Opened,

    /// <summary>On the public list of official accounts.</summary>
    Listed,

    /// <summary>Abolition notified (別紙3) and announced; still on the public list.</summary>
    AbolitionNotified,

    /// <summary>Removed from the public list; the department may now delete the account.</summary>
    Unlisted,

    /// <summary>Deleted. Its handle is now "formerly official".</summary>
    Closed,
}
