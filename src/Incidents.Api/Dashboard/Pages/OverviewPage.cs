using Incidents.Api.Dashboard.Localization;
using Incidents.Api.Dashboard.Rendering;
using Incidents.Domain.Incidents;
using Incidents.Domain.Runbooks;
using Incidents.Projections;
using Incidents.Projections.Checkpoints;
using Incidents.Projections.IncidentList;
using Incidents.Projections.Overdue;

namespace Incidents.Api.Dashboard.Pages;

/// <summary>
/// The overview: counts by kind and status, filters, the open incidents by urgency (overdue highlighted, with who
/// must act and by when), and the queue of overdue steps.
/// </summary>
public static class OverviewPage
{
    private const int MaxRows = 200;

    private static readonly string[] Statuses =
        [.. Enum.GetValues<IncidentStatus>().Where(s => s != IncidentStatus.None).Select(s => WireName.Of(s))];

    public static void Map(RouteGroupBuilder dashboard) => dashboard.MapGet("/", RenderAsync);

    private static async Task<IResult> RenderAsync(
        HttpContext http, UrgentIncidentsQuery incidents, OverdueQueueQuery overdue, CheckpointStore checkpoints, RunbookCatalog runbooks,
        CancellationToken cancellationToken)
    {
        var page = new DashboardPage(http);
        var kind = http.Request.Query["kind"].ToString();
        var status = http.Request.Query["status"].ToString();
        var filter = new UrgentIncidentsFilter(
            DomainText.KindOf(kind) is null ? null : kind,
            Statuses.Contains(status) ? status : null,
            http.Request.Query["overdue"] == "1",
            MaxRows);
        var items = await incidents.ReadAsync(filter, page.Now, cancellationToken);
        var counts = await incidents.CountAsync(page.Now, cancellationToken);
        var queue = await overdue.ReadAsync(page.Now, 50, cancellationToken);

        var html = new HtmlWriter();
        await FaultBanner.WriteAsync(page, html, checkpoints, cancellationToken);
        html.Element("h1", page.T(Ui.OverviewTitle));
        Counts(page, html, runbooks, counts);
        Filters(page, html, runbooks, filter);
        Incidents(page, html, runbooks, items);
        OverdueQueue(page, html, runbooks, queue);
        return PageLayout.Render(page, page.T(Ui.Overview), html.ToString());
    }

    private static void Counts(DashboardPage page, HtmlWriter html, RunbookCatalog runbooks, IReadOnlyList<IncidentCount> counts)
    {
        html.Open("section", ("aria-labelledby", "counts-title"))
            .Element("h2", page.T(Ui.Counts), ("id", "counts-title"))
            .Open("div", ("class", "scroll"), ("tabindex", "0"), ("role", "region"), ("aria-labelledby", "counts-title"))
            .Open("table", ("class", "counts"), ("id", "counts"))
            .Open("thead").Open("tr").Element("th", page.T(Ui.Kind), ("scope", "col"));
        foreach (var status in Statuses)
        {
            html.Element("th", page.T(Labels.Status(status)), ("scope", "col"));
        }

        html.Element("th", page.T(Ui.OverdueCount), ("scope", "col")).Close("tr").Close("thead").Open("tbody");
        foreach (var kind in Enum.GetValues<IncidentKind>().Select(k => WireName.Of(k)))
        {
            html.Open("tr", ("data-kind", kind)).Element("th", page.T(DomainText.Kind(runbooks, kind)), ("scope", "row"));
            foreach (var status in Statuses)
            {
                html.Element("td", counts.Where(c => c.Kind == kind && c.Status == status).Sum(c => c.Count).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ("data-status", status));
            }

            var late = counts.Where(c => c.Kind == kind).Sum(c => c.Overdue);
            html.Element("td", late.ToString(System.Globalization.CultureInfo.InvariantCulture), ("class", late > 0 ? "late" : null), ("data-status", "overdue"));
            html.Close("tr");
        }

        html.Close("tbody").Close("table").Close("div").Close("section");
    }

    private static void Filters(DashboardPage page, HtmlWriter html, RunbookCatalog runbooks, UrgentIncidentsFilter filter)
    {
        html.Open("form", ("method", "get"), ("action", "/dashboard"), ("class", "filters"), ("role", "search"), ("aria-label", page.T(Ui.Filters)))
            .Open("div").Element("label", page.T(Ui.Kind), ("for", "filter-kind"))
            .Open("select", ("id", "filter-kind"), ("name", "kind"))
            .Element("option", page.T(Ui.Any), ("value", ""));
        foreach (var kind in Enum.GetValues<IncidentKind>().Select(k => WireName.Of(k)))
        {
            html.Element("option", page.T(DomainText.Kind(runbooks, kind)), ("value", kind), ("selected", filter.Kind == kind ? "" : null));
        }

        html.Close("select").Close("div")
            .Open("div").Element("label", page.T(Ui.Status), ("for", "filter-status"))
            .Open("select", ("id", "filter-status"), ("name", "status"))
            .Element("option", page.T(Ui.OpenOnly), ("value", ""));
        foreach (var status in Statuses)
        {
            html.Element("option", page.T(Labels.Status(status)), ("value", status), ("selected", filter.Status == status ? "" : null));
        }

        html.Close("select").Close("div")
            .Open("div", ("class", "check"))
            .Empty("input", ("type", "checkbox"), ("id", "filter-overdue"), ("name", "overdue"), ("value", "1"), ("checked", filter.OverdueOnly ? "" : null))
            .Element("label", page.T(Ui.OverdueOnly), ("for", "filter-overdue"))
            .Close("div")
            .Element("button", page.T(Ui.Apply), ("type", "submit"))
            .Close("form");
    }

    private static void Incidents(DashboardPage page, HtmlWriter html, RunbookCatalog runbooks, IReadOnlyList<IncidentSummary> items)
    {
        html.Open("section", ("aria-labelledby", "incidents-title"))
            .Element("h2", page.T(Ui.ByUrgency), ("id", "incidents-title"));
        if (items.Count == 0)
        {
            html.Element("p", page.T(Ui.NoIncidents), ("id", "no-incidents")).Close("section");
            return;
        }

        string[] headings =
        [
            page.T(Ui.Status), page.T(Ui.Account), page.T(Ui.Kind), page.T(Ui.CurrentStep), page.T(Ui.WhoMustAct),
            page.T(Ui.NextDeadline), page.T(Ui.Escalation), page.T(Ui.Department),
        ];
        html.Open("table", ("class", "incidents cards"), ("id", "incidents"))
            .Element("caption", page.T(Ui.ByUrgency), ("class", "visually-hidden"))
            .Open("thead").Open("tr");
        foreach (var heading in headings)
        {
            html.Element("th", heading, ("scope", "col"));
        }

        html.Close("tr").Close("thead").Open("tbody");
        foreach (var item in items)
        {
            html.Open("tr", ("class", item.Overdue ? "overdue" : null), ("data-incident", item.Id.ToString("D")))
                .Open("td", ("data-label", headings[0]));
            if (item.Overdue)
            {
                Cells.Badge(html, page.T(Ui.Overdue), "late");
            }

            Cells.Badge(html, page.T(Labels.Status(item.Status)), $"status-{item.Status}");
            html.Close("td")
                .Open("td", ("data-label", headings[1]))
                .Element("a", item.AccountHandle, ("href", $"/dashboard/incidents/{item.Id:D}"))
                .Element("span", $" {page.T(Labels.Platform(item.Platform))}", ("class", "muted"))
                .Close("td")
                .Element("td", page.T(DomainText.Kind(runbooks, item.Kind)), ("data-label", headings[2]))
                .Element("td", item.CurrentStep is null ? "—" : page.T(DomainText.StepTitle(runbooks, item.Kind, item.CurrentStep)), ("data-label", headings[3]))
                .Element("td", DomainText.WhoMustAct(runbooks, item.Kind, item.CurrentStep, item.Assignee, page.Language), ("data-label", headings[4]))
                .Open("td", ("data-label", headings[5]));
            Cells.Deadline(page, html, item.NextDueAt, item.Status != "closed");
            html.Close("td")
                .Element("td", item.EscalationLevel > 0 ? $"{page.T(Ui.Level)} {item.EscalationLevel}" : "—",
                    ("data-label", headings[6]), ("class", item.EscalationLevel > 0 ? "escalated" : null))
                .Element("td", item.Department ?? "—", ("data-label", headings[7]))
                .Close("tr");
        }

        html.Close("tbody").Close("table").Close("section");
    }

    private static void OverdueQueue(DashboardPage page, HtmlWriter html, RunbookCatalog runbooks, IReadOnlyList<OverdueStep> queue)
    {
        html.Open("section", ("aria-labelledby", "queue-title"))
            .Element("h2", page.T(Ui.OverdueQueue), ("id", "queue-title"));
        if (queue.Count == 0)
        {
            html.Element("p", page.T(Ui.NoOverdue)).Close("section");
            return;
        }

        html.Open("ul", ("class", "queue"), ("id", "overdue-queue"));
        foreach (var step in queue)
        {
            html.Open("li", ("class", "overdue"))
                .Element("a", $"{step.AccountHandle} — {page.T(DomainText.Kind(runbooks, step.Kind))}", ("href", $"/dashboard/incidents/{step.IncidentId:D}"))
                .Text(": ")
                .Element("strong", page.T(DomainText.StepTitle(runbooks, step.Kind, step.StepKey)))
                .Text($" · {page.T(Ui.WhoMustAct)}: {DomainText.WhoMustAct(runbooks, step.Kind, step.StepKey, step.Assignee, page.Language)} · {page.T(Ui.Deadline)}: ");
            Cells.Deadline(page, html, step.DueAt);
            if (step.EscalationLevel > 0)
            {
                html.Text(" · ").Element("span", $"{page.T(Ui.Escalation)} {page.T(Ui.Level)} {step.EscalationLevel}", ("class", "escalated"));
            }

            html.Close("li");
        }

        html.Close("ul").Close("section");
    }
}
