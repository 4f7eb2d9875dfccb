using Incidents.Api.Accounts.Commands;
using Incidents.Api.Accounts.Public;
using Incidents.Api.Accounts.Reading;

namespace Incidents.Api.Accounts;

/// <summary>
/// The registry of official accounts: commands and reads for staff under /api/accounts, and the public, unauthenticated
/// list and check under /api/public/official-accounts and /official-accounts.
/// </summary>
public static class AccountRoutes
{
    public static void MapOfficialAccountRoutes(this IEndpointRouteBuilder app)
    {
        var accounts = app.MapGroup("/api/accounts").RequireAuthorization().WithTags("Official accounts");
        OpenAccountEndpoint.Map(accounts);
        ListAccountsEndpoint.Map(accounts);
        GetAccountEndpoint.Map(accounts);
        GetAccountTimelineEndpoint.Map(accounts);
        ChangeAccountEndpoint.Map(accounts);
        AddToPublicListEndpoint.Map(accounts);
        RecordVerifiedBadgeEndpoint.Map(accounts);
        NotifyAbolitionEndpoint.Map(accounts);
        RemoveFromPublicListEndpoint.Map(accounts);
        CloseAccountEndpoint.Map(accounts);
        CloseAccountUnderThreatEndpoint.Map(accounts);

        PublicAccountEndpoints.Map(app);
        OfficialAccountsPage.Map(app);
    }
}
