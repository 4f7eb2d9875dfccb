using Incidents.Api.Accounts;
using Incidents.Api.Accounts.Pipeline;
using Incidents.Api.Accounts.Public;
using Incidents.Api.Pipeline;
using Incidents.Projections.OfficialAccounts;

namespace Incidents.Api.Composition;

/// <summary>The registry of official accounts, duplicate-aware reporting and merges (issue 7), wired once.</summary>
public static class AccountServices
{
    public static IServiceCollection AddOfficialAccounts(this IServiceCollection services)
    {
        services.AddSingleton<AccountCommandPipeline>();
        services.AddSingleton<OfficialAccountsQuery>();
        services.AddSingleton<OfficialAccountCheck>();
        services.AddSingleton<OfficialAccountRegistry>();
        services.AddSingleton<OpenIncidents>();
        services.AddSingleton<IncidentMergePipeline>();
        services.AddSingleton<IIncidentWriteParticipant, OpenIncidentAccountWrites>();
        return services;
    }
}
