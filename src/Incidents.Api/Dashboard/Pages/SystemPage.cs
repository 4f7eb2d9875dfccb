using System.Globalization;
using Incidents.Api.Access;
using Incidents.Api.Dashboard.Localization;
using Incidents.Api.Dashboard.Rendering;
using Incidents.Api.Dashboard.Sessions;
using Incidents.Api.Http;
using Incidents.Api.Projections;
using Incidents.Projections.Checkpoints;
using Incidents.Projections.Status;
using Microsoft.AspNetCore.Antiforgery;

namespace Incidents.Api.Dashboard.Pages;

/// <summary>
/// The read models' state for the officers who answer for the system: checkpoint, lag, pending events, where each
/// runs, rebuild progress; and the buttons to rebuild or resume one (same roles and rules as /api/projections).
/// </summary>
public static class SystemPage
{
    public static void Map(RouteGroupBuilder dashboard)
    {
        dashboard.MapGet("/system", async (HttpContext http, ProjectionStatusQuery statuses, CheckpointStore checkpoints, CancellationToken cancellationToken) =>
        {
            var page = new DashboardPage(http);
            return Actors.HasAny(http.User, ProjectionRoles.Readers)
                ? await RenderAsync(page, statuses, checkpoints, Notice(page), StatusCodes.Status200OK, cancellationToken)
                : Forbidden(page);
        });

        dashboard.MapPost("/system/projections/{name}/{operation}", async (
                HttpContext http, string name, string operation, ProjectionOperations operations, ProjectionStatusQuery statuses,
                CheckpointStore checkpoints, IAntiforgery antiforgery, CancellationToken cancellationToken) =>
            {
                var page = new DashboardPage(http);
                if (!await antiforgery.IsRequestValidAsync(http))
                {
                    return LoginEndpoints.FormExpired(page);
                }

                try
                {
                    _ = operation switch
                    {
                        "rebuild" => await operations.RebuildAsync(http.User, name, cancellationToken),
                        "resume" => await operations.ResumeAsync(http.User, name, cancellationToken),
                        _ => throw Problems.NotFound("operation-not-found", "Projections can be rebuilt or resumed."),
                    };
                    return Results.Redirect("/dashboard/system?done=requested");
                }
                catch (ProblemException problem) when (Actors.HasAny(http.User, ProjectionRoles.Readers))
                {
                    return await RenderAsync(page, statuses, checkpoints, new PageAlert(problem.Title, problem.Message, true), problem.Status, cancellationToken);
                }
                catch (ProblemException)
                {
                    return Forbidden(page);
                }
            })
            .DisableAntiforgery()
            .ExcludeFromDescription();
    }

    private static PageAlert? Notice(DashboardPage page) =>
        page.Http.Request.Query["done"] == "requested" ? new PageAlert(page.T(Ui.RebuildRequested), null, false) : null;

    private static IResult Forbidden(DashboardPage page)
    {
        var html = new HtmlWriter().Element("h1", page.T(Ui.NotPermitted)).Element("a", page.T(Ui.BackToOverview), ("href", "/dashboard"));
        return PageLayout.Render(page, page.T(Ui.NotPermitted), html.ToString(), StatusCodes.Status403Forbidden);
    }

    private static async Task<IResult> RenderAsync(
        DashboardPage page, ProjectionStatusQuery statuses, CheckpointStore checkpoints, PageAlert? alert, int statusCode, CancellationToken cancellationToken)
    {
        var all = await statuses.ReadAsync(page.Now, cancellationToken);
        var operate = Actors.HasAny(page.User, ProjectionRoles.Operators);
        var html = new HtmlWriter();
        await FaultBanner.WriteAsync(page, html, checkpoints, cancellationToken);
        html.Element("h1", page.T(Ui.SystemTitle));
        if (alert is not null)
        {
            html.Open("div", ("class", alert.IsError ? "alert" : "notice"), ("role", alert.IsError ? "alert" : "status"))
                .Element("p", alert.Message).Element("p", alert.Detail, ("class", "muted")).Close("div");
        }

        string[] headings =
        [
            page.T(Ui.Projection), page.T(Ui.Mode), page.T(Ui.Status), page.T(Ui.Checkpoint), page.T(Ui.Lag), page.T(Ui.Pending),
            page.T(Ui.Leader), page.T(Ui.RebuildProgress), page.T(Ui.Action),
        ];
        html.Open("table", ("class", "projections cards"), ("id", "projections")).Open("thead").Open("tr");
        foreach (var heading in headings)
        {
            html.Element("th", heading, ("scope", "col"));
        }

        html.Close("tr").Close("thead").Open("tbody");
        foreach (var status in all)
        {
            var view = ProjectionStatusView.From(status);
            html.Open("tr", ("data-projection", status.Name), ("class", status.Status == CheckpointStatus.Faulted ? "overdue" : null))
                .Element("th", status.Name, ("scope", "row"), ("data-label", headings[0]))
                .Element("td", view.Mode, ("data-label", headings[1]))
                .Open("td", ("data-label", headings[2]));
            Cells.Badge(html, view.Status, view.Status == "faulted" ? "late" : "ok");
            if (status.Fault is { } fault)
            {
                html.Element("p", $"{fault.Position} {fault.EventType}: {fault.Reason}", ("class", "muted"));
            }

            html.Close("td")
                .Element("td", $"{view.Checkpoint ?? "—"} ({status.EventsApplied.ToString(CultureInfo.InvariantCulture)})", ("data-label", headings[3]))
                .Element("td", status.Inline ? "—" : $"{view.LagSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s", ("data-label", headings[4]))
                .Element("td", status.PendingEvents?.ToString(CultureInfo.InvariantCulture) ?? "—", ("data-label", headings[5]))
                .Element("td", page.T(status.LeaderHere ? Ui.Yes : Ui.No), ("data-label", headings[6]))
                .Element("td", view.Rebuild is { } r
                    ? $"{r.Status} {r.EventsProcessed.ToString(CultureInfo.InvariantCulture)}/{r.EventsTotal?.ToString(CultureInfo.InvariantCulture) ?? "?"}{(r.Error is null ? "" : " — " + r.Error)}"
                    : "—", ("data-label", headings[7]))
                .Open("td", ("data-label", headings[8]));
            if (operate)
            {
                Button(page, html, status.Name, "rebuild", page.T(Ui.Rebuild));
                if (status.Status == CheckpointStatus.Faulted)
                {
                    Button(page, html, status.Name, "resume", page.T(Ui.Resume));
                }
            }

            html.Close("td").Close("tr");
        }

        html.Close("tbody").Close("table");
        return PageLayout.Render(page, page.T(Ui.SystemTitle), html.ToString(), statusCode);
    }

    private static void Button(DashboardPage page, HtmlWriter html, string name, string operation, string label)
    {
        html.Open("form", ("method", "post"), ("action", $"/dashboard/system/projections/{name}/{operation}"), ("class", "inline"), ("id", $"{operation}-{name}"));
        page.FormToken(html);
        html.Element("button", label, ("type", "submit"), ("class", "secondary")).Close("form");
    }
}
