namespace Incidents.Domain.Incidents;

/// <summary>
/// One of our official accounts, as the registry showed it when an incident was linked to it: the account an
/// impersonator imitates, or the account that was taken over. Warnings point the public to it (002 §4(2)).
/// </summary>
public sealed record GenuineAccount(Guid AccountId, Platform Platform, string Handle, string Url);
