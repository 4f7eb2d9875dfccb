using Incidents.Domain.Accounts;
using Incidents.Domain.Accounts.State;
using Incidents.Domain.Incidents;
using Incidents.Domain.Text;

namespace Incidents.Api.Accounts.Views;

/// <summary>An official account as GET /api/accounts/{id} shows it to staff: everything its events recorded.</summary>
public sealed record AccountView(
    Guid Id,
    long Version,
    Platform Platform,
    LocalizedText PlatformName,
    string Handle,
    string DisplayName,
    string Url,
    string Department,
    OperationPolicy Policy,
    string? HomepageUrl,
    string ApprovedBy,
    AccountStatus Status,
    bool Listed,
    bool Verified,
    DateTimeOffset? VerifiedAt,
    string OpenedBy,
    DateTimeOffset OpenedAt,
    DateTimeOffset? ChangedAt,
    IReadOnlyList<FormerHandle> FormerHandles,
    DateTimeOffset? ListedAt,
    AbolitionReason? AbolitionReason,
    string? AbolitionNote,
    DateTimeOffset? AbolitionNotifiedAt,
    DateTimeOffset? PlannedClosingAt,
    DateTimeOffset? RemovedFromListAt,
    DateTimeOffset? ClosedAt,
    bool ClosedImmediately,
    string? ClosingNote)
{
    public static AccountView Of(AccountState s, long version) => new(
        s.Id, version, s.Platform, PlatformNames.Of(s.Platform), s.Handle, s.DisplayName, s.Url, s.Department, s.Policy, s.HomepageUrl,
        s.ApprovedBy, s.Status, s.Listed, s.Verified, s.VerifiedAt, s.OpenedBy, s.OpenedAt, s.ChangedAt, s.FormerHandles, s.ListedAt,
        s.AbolitionReason, s.AbolitionNote, s.AbolitionNotifiedAt, s.PlannedClosingAt, s.RemovedFromListAt, s.ClosedAt,
        s.ClosedImmediately, s.ClosingNote);
}
