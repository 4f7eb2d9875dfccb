using Incidents.Api.Accounts;
using Incidents.Api.Accounts.Views;
using Incidents.Api.Http;
using Incidents.Domain.Accounts.Addresses;
using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Commands;

namespace Incidents.Api.Incidents.Reporting;

/// <summary>
/// What the registry says about a report's accounts, checked before deciding: a takeover must name one of our current
/// accounts (it becomes the genuine account); an impersonation must not name one (that would be a takeover), and may
/// name the genuine account it imitates.
/// </summary>
public static class ReportedAccounts
{
    public static async Task<GenuineAccount?> GenuineAccountOfAsync(
        OfficialAccountRegistry registry, IncidentKind kind, AccountKey reported, string? genuineAccountHandle, CancellationToken cancellationToken)
    {
        var holder = kind is IncidentKind.AccountTakeover or IncidentKind.Impersonation
            ? await registry.FindAsync(reported, cancellationToken)
            : null;

        if (kind == IncidentKind.AccountTakeover)
        {
            return holder switch
            {
                null => throw Problems.Unprocessable(
                    ReportIncident.TakeoverNeedsOurAccount.Code, ReportIncident.TakeoverNeedsOurAccount.Message, Errors("Not one of our official accounts.")),
                { RetiredAt: { } until } => throw Problems.Unprocessable(
                    ReportIncident.TakeoverNeedsOurAccount.Code,
                    $"This account stopped being ours on {JapanDate.Of(until)}. If someone uses its name now, report an impersonation.",
                    Errors("Formerly official.")),
                _ => OfficialAccountRegistry.Genuine(holder),
            };
        }

        if (kind == IncidentKind.Impersonation && holder is { RetiredAt: null })
        {
            throw Problems.Unprocessable(
                "reported-account-is-official",
                "This is one of our official accounts. If someone else is posting from it, report an account takeover instead.",
                Errors("One of our official accounts."));
        }

        return genuineAccountHandle is null
            ? null
            : await registry.ResolveAsync(reported.Platform, genuineAccountHandle, "genuineAccount", cancellationToken);
    }

    private static Dictionary<string, string[]> Errors(string message) => new() { ["accountHandle"] = [message] };
}
