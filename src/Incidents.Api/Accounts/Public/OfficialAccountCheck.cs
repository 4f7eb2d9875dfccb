using Incidents.Api.Accounts.Views;
using Incidents.Domain.Accounts.Addresses;
using Incidents.Domain.Text;
using Incidents.Projections.OfficialAccounts;

namespace Incidents.Api.Accounts.Public;

/// <summary>Answers "is this account ours?" from the registry, for the JSON check and the public page alike.</summary>
public sealed class OfficialAccountCheck(OfficialAccountsQuery query)
{
    public async Task<AccountCheckAnswer> CheckAsync(AccountKey key, CancellationToken cancellationToken)
    {
        if (await query.FindAsync(key, cancellationToken) is not { } match)
        {
            return new AccountCheckAnswer(
                AccountCheckAnswer.NotOurs, key.Platform, key.Handle,
                new(
                    "このアカウントは町の公式アカウントではありません。町の名前やロゴを使っていても、一覧にないアカウントは町とは関係ありません。",
                    "This is not an official account of the town. An account that is not on the list is not ours, even if it uses the town's name or logo."),
                null, null, null, null);
        }

        var account = PublicAccountView.Of(match.Account);
        if (match.RetiredAt is not { } until)
        {
            var closing = account.PlannedClosingAt is { } planned
                ? new LocalizedText($"（{JapanDate.Of(planned)}に廃止予定）", $" (to be closed on {JapanDate.Of(planned)})")
                : new LocalizedText("", "");
            return new AccountCheckAnswer(
                AccountCheckAnswer.Official, key.Platform, key.Handle,
                new($"このアカウントは町の公式アカウントです{closing.Ja}。", $"This is an official account of the town{closing.En}."),
                account, null, null, null);
        }

        var closed = match.Account.ClosedAt == until;
        var day = JapanDate.Of(until);
        var message = closed
            ? new LocalizedText(
                $"このアカウントは町の公式アカウントでしたが、{day}に廃止しました。現在この名前を使っているアカウントは町とは関係ありません。",
                $"This was an official account of the town until it was closed on {day}. An account using this name now is not ours.")
            : new LocalizedText(
                $"この名前は{day}まで町の公式アカウントが使っていました。現在の公式アカウントは {account.Handle} です。",
                $"An official account of the town used this name until {day}. That account is now {account.Handle}.");
        return new AccountCheckAnswer(
            AccountCheckAnswer.FormerlyOfficial, key.Platform, key.Handle, message, account,
            closed ? "closed" : "renamed", until, closed ? day : null);
    }
}
