using Incidents.Api.Accounts.Views;
using Incidents.Api.Http;
using Incidents.Domain.Accounts.Addresses;
using Incidents.Domain.Incidents;
using Incidents.Projections.OfficialAccounts;

namespace Incidents.Api.Accounts;

/// <summary>The registry as incidents consult it: which of our official accounts a report imitates, or names as taken over.</summary>
public sealed class OfficialAccountRegistry(OfficialAccountsQuery query)
{
    /// <summary>
    /// The current official account that <paramref name="handleOrUrl"/> names: a handle on <paramref name="platform"/>,
    /// or a profile URL on any platform (an impersonator on X may imitate our Instagram account). Anything else is 422.
    /// </summary>
    public async Task<GenuineAccount> ResolveAsync(Platform platform, string handleOrUrl, string field, CancellationToken cancellationToken)
    {
        var key = Parse(AccountKey.Parse(platform, handleOrUrl, urlMayNameAnotherPlatform: true), field);
        var match = await query.FindAsync(key, cancellationToken);
        return match switch
        {
            null => throw Problems.Unprocessable(
                "genuine-account-not-found",
                $"'{handleOrUrl}' is not on the registry of official accounts. Name one of ours (GET /api/accounts), or leave {field} out and link it later.",
                Errors(field, "Not an official account.")),
            { RetiredAt: { } until } => throw Problems.Unprocessable(
                "genuine-account-not-current",
                $"'{handleOrUrl}' stopped being one of our accounts on {JapanDate.Of(until)}. Name a current official account.",
                Errors(field, "Formerly official.")),
            _ => Genuine(match),
        };
    }

    /// <summary>Who holds or held this account's handle, if anyone: for telling our accounts from others when reporting.</summary>
    public Task<HandleMatch?> FindAsync(AccountKey key, CancellationToken cancellationToken) => query.FindAsync(key, cancellationToken);

    public static GenuineAccount Genuine(HandleMatch match) =>
        new(match.Account.Id, WireEnum.Parse<Platform>(match.Account.Platform), match.Account.Handle, match.Account.Url);

    /// <summary>The key, or the refusal as a 422 problem naming <paramref name="field"/>.</summary>
    public static AccountKey Parse(AccountKeyResult result, string field) =>
        result.Key ?? throw Problems.Unprocessable(result.Refusal!.Code, result.Refusal.Message, Errors(field, result.Refusal.Message));

    private static Dictionary<string, string[]> Errors(string field, string message) => new() { [field] = [message] };
}
