using Incidents.Domain.Access;
using Incidents.Domain.Accounts.Events;
using Incidents.Domain.Accounts.Rules;
using Incidents.Domain.Accounts.State;
using Incidents.Domain.Incidents.Rules;

namespace Incidents.Domain.Accounts.Commands;

/// <summary>
/// Changes the account's details or operation policy, with approval. Fields left null keep their value; the platform
/// never changes (an account on another service is another account). A changed handle leaves the old one "formerly ours".
/// </summary>
public sealed record ChangeAccount(
    string? Handle,
    string? DisplayName,
    string? Url,
    string? Department,
    string? Purpose,
    string? Content,
    string? PostingSchedule,
    string? ReplyPolicy,
    string? OperationPeriod,
    string? HomepageUrl,
    string ApprovedBy) : IAccountCommand
{
    public IReadOnlySet<Role> PermittedRoles => AccountRoles.Owners;

    public AccountDecision Decide(AccountState state, AccountCommandContext context)
    {
        if (AccountGuard.RequireOpen(state) is { } closed)
        {
            return closed;
        }

        var policy = new OperationPolicy(
            Purpose ?? state.Policy.Purpose,
            Content ?? state.Policy.Content,
            PostingSchedule ?? state.Policy.PostingSchedule,
            ReplyPolicy ?? state.Policy.ReplyPolicy,
            OperationPeriod ?? state.Policy.OperationPeriod);
        var changed = new AccountChanged(
            state.Id, Handle ?? state.Handle, DisplayName ?? state.DisplayName, Url ?? state.Url, Department ?? state.Department,
            policy, HomepageUrl ?? state.HomepageUrl, ApprovedBy, context.By, context.Now);

        if (changed.Handle == state.Handle && changed.DisplayName == state.DisplayName && changed.Url == state.Url &&
            changed.Department == state.Department && changed.Policy == state.Policy && changed.HomepageUrl == state.HomepageUrl)
        {
            return AccountDecision.NoChange;
        }

        var refusal = OfficialAddress.Check(state.Platform, changed.Handle, changed.Url, changed.HomepageUrl) ?? SecretText.Check(
            changed.DisplayName, changed.Department, policy.Purpose, policy.Content, policy.PostingSchedule, policy.ReplyPolicy,
            policy.OperationPeriod, ApprovedBy);
        return refusal is not null ? refusal : AccountDecision.Accept(changed);
    }
}
