using Incidents.Domain.Incidents;
using Incidents.Domain.Text;

namespace Incidents.Api.Accounts.Views;

/// <summary>
/// The answer to "is this account ours?": <c>official</c>, <c>formerly-official</c> (with when it stopped being ours,
/// and whether it was closed or renamed), or <c>not-ours</c>. <paramref name="Handle"/> is the handle as compared.
/// </summary>
public sealed record AccountCheckAnswer(
    string Answer,
    Platform Platform,
    string Handle,
    LocalizedText Message,
    PublicAccountView? Account,
    string? Reason,
    DateTimeOffset? Until,
    string? ClosedOn)
{
    public const string Official = "official";
    public const string FormerlyOfficial = "formerly-official";
    public const string NotOurs = "not-ours";
}
