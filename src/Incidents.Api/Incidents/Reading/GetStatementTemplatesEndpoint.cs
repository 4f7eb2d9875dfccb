using Incidents.Api.Accounts.Public;
using Incidents.Api.Http;
using Incidents.Api.Incidents.Views;
using Incidents.Api.Pipeline;
using Incidents.Domain.Runbooks;

namespace Incidents.Api.Incidents.Reading;

public static class GetStatementTemplatesEndpoint
{
    public static void Map(RouteGroupBuilder incidents) =>
        incidents.MapGet("/{id}/statement-templates", async (
                HttpContext http, string id, CommandPipeline pipeline, RunbookCatalog runbooks, IConfiguration configuration,
                CancellationToken cancellationToken) =>
            {
                var loaded = await pipeline.LoadAsync(IncidentRoute.ParseId(id), cancellationToken);
                if (loaded.Version == 0)
                {
                    throw Problems.NotFound("incident-not-found", "No incident has this id.");
                }

                var homepage = HomepageListUrl(http.Request, configuration);
                var items = runbooks.For(loaded.State.Kind).Templates.Select(t => TemplateFilling.Fill(t, loaded.State, homepage)).ToList();
                return Results.Json(new StatementTemplatesView(loaded.State.GenuineAccount, homepage, items), HttpJson.Options);
            })
            .Produces<StatementTemplatesView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary(
                "The runbook's statement templates filled from the incident: the reported account, the genuine official account and " +
                "the homepage list of official accounts. 'missing' names placeholders without a value (link the genuine account first).");

    /// <summary>
    /// The homepage page that lists the official accounts (000 §6(3)): OfficialAccounts:HomepageListUrl when the town
    /// publishes it on its own site, else this service's public page.
    /// </summary>
    private static string HomepageListUrl(HttpRequest request, IConfiguration configuration) =>
        configuration["OfficialAccounts:HomepageListUrl"] is { Length: > 0 } configured
            ? configured
            : $"{request.Scheme}://{request.Host}{OfficialAccountsPage.Path}";
}
