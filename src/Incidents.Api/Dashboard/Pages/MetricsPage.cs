using System.Globalization;
using Incidents.Api.Dashboard.Localization;
using Incidents.Api.Dashboard.Rendering;
using Incidents.Domain.Runbooks;
using Incidents.Domain.Text;
using Incidents.Projections.Checkpoints;
using Incidents.Projections.Metrics;

namespace Incidents.Api.Dashboard.Pages;

/// <summary>The response metrics: per kind and month, the median and 90th percentile of each response time, as charts and tables.</summary>
public static class MetricsPage
{
    private static readonly (string Id, LocalizedText Title, Func<MonthlyResponseMetrics, ResponseStatistic> Statistic)[] Measures =
    [
        ("to-ciso", Ui.ToCiso, m => m.ToCisoReport),
        ("to-takedown", Ui.ToTakedown, m => m.ToTakedownRequest),
        ("to-statement", Ui.ToStatement, m => m.ToFirstStatement),
        ("to-close", Ui.ToClose, m => m.ToClose),
    ];

    public static void Map(RouteGroupBuilder dashboard) =>
        dashboard.MapGet("/metrics", async (HttpContext http, ResponseMetricsQuery metrics, CheckpointStore checkpoints, RunbookCatalog runbooks, CancellationToken cancellationToken) =>
        {
            var page = new DashboardPage(http);
            var rows = await metrics.ReadAsync(page.Now.AddMonths(-12), cancellationToken);
            var html = new HtmlWriter();
            await FaultBanner.WriteAsync(page, html, checkpoints, cancellationToken);
            html.Element("h1", page.T(Ui.MetricsTitle)).Element("p", page.T(Ui.MetricsIntro));
            if (rows.Count == 0)
            {
                html.Element("p", page.T(Ui.NoData), ("id", "no-metrics"));
                return PageLayout.Render(page, page.T(Ui.Metrics), html.ToString());
            }

            MetricsChart.Legend(page, html, runbooks);
            foreach (var (id, title, statistic) in Measures)
            {
                html.Open("section", ("aria-labelledby", $"{id}-heading"), ("class", "metric"))
                    .Element("h2", page.T(title), ("id", $"{id}-heading"))
                    .Open("div", ("class", "scroll chart"), ("tabindex", "0"), ("role", "region"), ("aria-labelledby", $"{id}-heading"));
                MetricsChart.Write(page, html, id, page.T(title), rows, statistic, runbooks);
                html.Close("div");
                Table(page, html, rows, statistic, runbooks, page.T(title));
                html.Close("section");
            }

            return PageLayout.Render(page, page.T(Ui.Metrics), html.ToString());
        });

    private static void Table(
        DashboardPage page, HtmlWriter html, IReadOnlyList<MonthlyResponseMetrics> rows, Func<MonthlyResponseMetrics, ResponseStatistic> statistic,
        RunbookCatalog runbooks, string title)
    {
        html.Open("details").Element("summary", $"{title} — {page.T(Ui.Details)}")
            .Open("table", ("class", "numbers"))
            .Open("thead").Open("tr");
        foreach (var heading in new[] { Ui.Month, Ui.Kind, Ui.Incidents, Ui.Measured, Ui.Median, Ui.P90 })
        {
            html.Element("th", page.T(heading), ("scope", "col"));
        }

        html.Close("tr").Close("thead").Open("tbody");
        foreach (var row in rows)
        {
            var s = statistic(row);
            html.Open("tr")
                .Element("td", row.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture))
                .Element("td", page.T(DomainText.Kind(runbooks, row.Kind)))
                .Element("td", row.Incidents.ToString(CultureInfo.InvariantCulture))
                .Element("td", s.Count.ToString(CultureInfo.InvariantCulture))
                .Element("td", s.Median is { } median ? page.Span(median) : "—")
                .Element("td", s.P90 is { } p90 ? page.Span(p90) : "—")
                .Close("tr");
        }

        html.Close("tbody").Close("table").Close("details");
    }
}
