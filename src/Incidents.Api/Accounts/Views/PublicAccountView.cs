using Incidents.Domain.Accounts;
using Incidents.Domain.Incidents;
using Incidents.Domain.Text;
using Incidents.Projections.OfficialAccounts;

namespace Incidents.Api.Accounts.Views;

/// <summary>
/// An official account as the public sees it: what 000 §6(3) has the CISO publish (service, account name, URL,
/// operation policy), whether the platform verified it, and an announced closing date. Who approved it stays internal.
/// </summary>
public sealed record PublicAccountView(
    Guid Id,
    Platform Platform,
    LocalizedText PlatformName,
    string Handle,
    string DisplayName,
    string Url,
    string Department,
    string Purpose,
    string Content,
    string PostingSchedule,
    string ReplyPolicy,
    string? OperationPeriod,
    string? HomepageUrl,
    bool Verified,
    AccountStatus Status,
    DateTimeOffset? ListedAt,
    DateTimeOffset? PlannedClosingAt,
    DateTimeOffset? ClosedAt)
{
    public static PublicAccountView Of(OfficialAccountRow row)
    {
        var platform = WireEnum.Parse<Platform>(row.Platform);
        return new PublicAccountView(
            row.Id, platform, PlatformNames.Of(platform), row.Handle, row.DisplayName, row.Url, row.Department, row.Purpose,
            row.Content, row.PostingSchedule, row.ReplyPolicy, row.OperationPeriod, row.HomepageUrl, row.Verified,
            WireEnum.Parse<AccountStatus>(row.Status), row.ListedAt, row.PlannedClosingAt, row.ClosedAt);
    }
}
