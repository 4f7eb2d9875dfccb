namespace Incidents.Projections.OfficialAccounts;

/// <summary>
/// The account that holds, or last held, a handle. <paramref name="RetiredAt"/> is null while the handle is ours;
/// otherwise it is when the account was renamed away from it or closed.
/// </summary>
public sealed record HandleMatch(OfficialAccountRow Account, string Handle, string Url, DateTimeOffset Since, DateTimeOffset? RetiredAt);
