using System.Globalization;
using Incidents.Api.Access;
using Incidents.Api.Dashboard.Localization;
using Incidents.Api.Dashboard.Pages;
using Incidents.Api.Dashboard.Rendering;
using Incidents.Api.Dashboard.Sessions;
using Incidents.Api.Http;
using Incidents.Api.Incidents;
using Incidents.Api.Pipeline;
using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Commands;
using Incidents.Domain.Text;
using Microsoft.AspNetCore.Antiforgery;

namespace Incidents.Api.Dashboard.Actions;

/// <summary>
/// A form on the incident page that runs a domain command through the same pipeline as the API: the actor is the
/// signed-in person in the strongest role the command permits, the form's version is the expected version (a stale
/// page is refused like a stale If-Match), and the domain decides. Success redirects back to the incident; a refusal
/// shows the incident again with the reason.
/// </summary>
public static class DashboardCommand
{
    private static readonly Dictionary<string, LocalizedText> RefusalTitles = new(StringComparer.Ordinal)
    {
        ["four-eyes"] = Ui.OwnStatement,
        ["incident-closed"] = Ui.IncidentClosed,
        ["step-mandatory"] = Ui.StepMandatory,
        ["step-not-open"] = Ui.StepNotOpen,
    };

    public static void MapIncidentAction(this RouteGroupBuilder dashboard, string pattern, Func<IFormCollection, HttpRequest, IIncidentCommand> toCommand) =>
        dashboard.MapPost("/incidents/{id}/" + pattern, async (HttpContext http, string id, IAntiforgery antiforgery, CancellationToken cancellationToken) =>
            {
                var page = new DashboardPage(http);
                if (!await antiforgery.IsRequestValidAsync(http))
                {
                    return LoginEndpoints.FormExpired(page);
                }

                if (!Guid.TryParseExact(id, "D", out var incidentId))
                {
                    return await IncidentPage.RenderAsync(page, id, null, StatusCodes.Status404NotFound, cancellationToken);
                }

                var form = await http.Request.ReadFormAsync(cancellationToken);
                IIncidentCommand command;
                try
                {
                    command = toCommand(form, http.Request);
                }
                catch (ProblemException problem)
                {
                    var detail = problem.Errors is { } errors ? string.Join(" ", errors.SelectMany(e => e.Value)) : problem.Message;
                    return await IncidentPage.RenderAsync(page, id, new PageAlert(page.T(Ui.Invalid), detail, true), problem.Status, cancellationToken);
                }

                var expected = long.TryParse(form["version"], NumberStyles.None, CultureInfo.InvariantCulture, out var version)
                    ? new ExpectedIncidentVersion(version)
                    : ExpectedIncidentVersion.Never;
                var (status, alert) = await RunAsync(page, new IncidentId(incidentId), command, expected, cancellationToken);
                return alert is null
                    ? Results.Redirect($"/dashboard/incidents/{id}?done={(status == StatusCodes.Status200OK ? "recorded" : "unchanged")}")
                    : await IncidentPage.RenderAsync(page, id, alert, status, cancellationToken);
            })
            .DisableAntiforgery()
            .ExcludeFromDescription();

    private static async Task<(int Status, PageAlert? Alert)> RunAsync(
        DashboardPage page, IncidentId id, IIncidentCommand command, ExpectedIncidentVersion expected, CancellationToken cancellationToken)
    {
        if (Actors.For(page.User, command.PermittedRoles) is not { } actor)
        {
            return (StatusCodes.Status403Forbidden, new PageAlert(page.T(Ui.NotPermitted), null, true));
        }

        var request = new CommandRequest(
            id, command, actor, expected, IncidentRoute.CorrelationId(page.Http), Guid.CreateVersion7().ToString("D"));
        var outcome = await page.Http.RequestServices.GetRequiredService<CommandPipeline>().ExecuteAsync(request, cancellationToken);
        return outcome switch
        {
            CommandOutcome.Applied { Events.Count: > 0 } => (StatusCodes.Status200OK, null),
            CommandOutcome.Applied or CommandOutcome.Unchanged => (StatusCodes.Status204NoContent, null),
            CommandOutcome.PreconditionFailed => (StatusCodes.Status412PreconditionFailed, new PageAlert(page.T(Ui.Stale), null, true)),
            CommandOutcome.Forbidden f => (StatusCodes.Status403Forbidden, new PageAlert(page.T(Ui.NotPermitted), f.Detail, true)),
            CommandOutcome.Refused r => (StatusOf(r.Refusal), new PageAlert(
                page.T(RefusalTitles.TryGetValue(r.Refusal.Code, out var title) ? title : Ui.Refused), r.Refusal.Message, true)),
            _ => throw new InvalidOperationException($"Unknown outcome {outcome}"),
        };
    }

    private static int StatusOf(Refusal refusal) => refusal.Kind switch
    {
        RefusalKind.StateConflict => StatusCodes.Status409Conflict,
        RefusalKind.NotPermitted => StatusCodes.Status403Forbidden,
        RefusalKind.NotFound => StatusCodes.Status404NotFound,
        _ => StatusCodes.Status422UnprocessableEntity,
    };
}
