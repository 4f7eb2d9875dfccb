using Incidents.Domain.Decisions;

namespace Incidents.Domain.Accounts.Addresses;

/// <summary>Either the key of an account, or why the text given does not name one.</summary>
public sealed record AccountKeyResult(AccountKey? Key, Refusal? Refusal)
{
    public static implicit operator AccountKeyResult(AccountKey key) => new(key, null);

    public static implicit operator AccountKeyResult(Refusal refusal) => new(null, refusal);
}
