namespace Incidents.Domain.Accounts;

/// <summary>The identity of an official account and of its event stream.</summary>
public readonly record struct OfficialAccountId(Guid Value)
{
    private const string StreamPrefix = "official-account-";

    public string StreamId => StreamPrefix + Value.ToString("D");

    public static OfficialAccountId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString("D");
}
