using Incidents.Domain.Access;
using Incidents.Domain.Accounts.Events;
using Incidents.Domain.Accounts.Rules;
using Incidents.Domain.Accounts.State;
using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Rules;

namespace Incidents.Domain.Accounts.Commands;

/// <summary>
/// Records an account opened with approval (000 §6(1); 003 (1)), with its operation policy (000 §6(2)), as notified to
/// the CISO (別紙2). The CISO then adds it to the public list.
/// </summary>
public sealed record OpenAccount(
    Guid AccountId,
    Platform Platform,
    string Handle,
    string DisplayName,
    string Url,
    string Department,
    OperationPolicy Policy,
    string? HomepageUrl,
    string ApprovedBy) : IAccountCommand
{
    public IReadOnlySet<Role> PermittedRoles => AccountRoles.Owners;

    public AccountDecision Decide(AccountState state, AccountCommandContext context)
    {
        if (state.Exists)
        {
            return Refusal.Conflict("account-exists", "An account with this id already exists.");
        }

        var refusal = OfficialAddress.Check(Platform, Handle, Url, HomepageUrl) ?? SecretText.Check(
            DisplayName, Department, Policy.Purpose, Policy.Content, Policy.PostingSchedule, Policy.ReplyPolicy, Policy.OperationPeriod, ApprovedBy);
        return refusal is not null
            ? refusal
            : AccountDecision.Accept(new AccountOpened(
                AccountId, Platform, Handle, DisplayName, Url, Department, Policy, HomepageUrl, ApprovedBy, context.By, context.Now));
    }
}
