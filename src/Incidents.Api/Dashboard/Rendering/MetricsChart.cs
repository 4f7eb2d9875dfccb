using System.Globalization;
using Incidents.Api.Dashboard.Localization;
using Incidents.Domain.Incidents;
using Incidents.Domain.Runbooks;
using Incidents.Projections;
using Incidents.Projections.Metrics;

namespace Incidents.Api.Dashboard.Rendering;

/// <summary>
/// One response time as a grouped bar chart: a group per month, a bar per incident kind for the median, and a
/// line above each bar at the 90th percentile. The same numbers follow in a table.
/// </summary>
public static class MetricsChart
{
    private const double Width = 960;
    private const double Height = 300;
    private const double Left = 64;
    private const double Right = 16;
    private const double Top = 16;
    private const double Bottom = 40;

    public static void Write(
        DashboardPage page, HtmlWriter html, string id, string title, IReadOnlyList<MonthlyResponseMetrics> rows,
        Func<MonthlyResponseMetrics, ResponseStatistic> statistic, RunbookCatalog runbooks)
    {
        var months = rows.Select(r => r.Month).Distinct().Order().ToList();
        var kinds = Enum.GetValues<IncidentKind>().Select(k => WireName.Of(k)).ToList();
        var max = rows.Select(statistic).SelectMany(s => new[] { s.Median, s.P90 }).OfType<TimeSpan>().DefaultIfEmpty(TimeSpan.Zero).Max();
        var hours = max >= TimeSpan.FromHours(2);
        var unit = hours ? (page.Language == Language.English ? "h" : "時間") : (page.Language == Language.English ? "min" : "分");
        var top = Ceiling(hours ? max.TotalHours : max.TotalMinutes);
        double Y(TimeSpan value) => Top + (Height - Top - Bottom) * (1 - (hours ? value.TotalHours : value.TotalMinutes) / top);

        html.Open("svg", ("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", $"0 0 {N(Width)} {N(Height)}"), ("class", "metrics-chart"),
                ("id", id), ("role", "img"), ("aria-labelledby", $"{id}-title {id}-desc"))
            .Element("title", title, ("id", $"{id}-title"))
            .Element("desc", page.T(Ui.MetricsIntro), ("id", $"{id}-desc"));
        for (var i = 0; i <= 4; i++)
        {
            var value = top * i / 4;
            var y = Top + (Height - Top - Bottom) * (1 - i / 4.0);
            html.Empty("line", ("class", "grid"), ("x1", N(Left)), ("x2", N(Width - Right)), ("y1", N(y)), ("y2", N(y)))
                .Element("text", $"{value.ToString("0.##", CultureInfo.InvariantCulture)} {unit}", ("class", "tick y"), ("x", N(Left - 6)), ("y", N(y + 4)));
        }

        if (max == TimeSpan.Zero)
        {
            html.Element("text", page.T(Ui.NoData), ("class", "empty"), ("x", N(Left + (Width - Left - Right) / 2)), ("y", N(Height / 2)));
        }

        var group = (Width - Left - Right) / Math.Max(months.Count, 1);
        var bar = Math.Min(28, group * 0.8 / kinds.Count);
        for (var m = 0; m < months.Count; m++)
        {
            var x0 = Left + group * m + (group - bar * kinds.Count) / 2;
            html.Element("text", months[m].ToString("yyyy-MM", CultureInfo.InvariantCulture), ("class", "tick"),
                ("x", N(Left + group * m + group / 2)), ("y", N(Height - 14)));
            for (var k = 0; k < kinds.Count; k++)
            {
                if (rows.FirstOrDefault(r => r.Month == months[m] && r.Kind == kinds[k]) is not { } row || statistic(row) is not { Median: { } median } s)
                {
                    continue;
                }

                var x = x0 + bar * k;
                var label = $"{months[m]:yyyy-MM} {page.T(DomainText.Kind(runbooks, kinds[k]))}: {page.T(Ui.Median)} {page.Span(median)}" +
                            (s.P90 is { } p ? $", {page.T(Ui.P90)} {page.Span(p)}" : "");
                html.Open("g", ("class", $"bar kind-{kinds[k]}"))
                    .Empty("rect", ("x", N(x + 1)), ("y", N(Y(median))), ("width", N(bar - 2)), ("height", N(Math.Max(Height - Bottom - Y(median), 1))));
                if (s.P90 is { } p90)
                {
                    html.Empty("line", ("class", "p90"), ("x1", N(x)), ("x2", N(x + bar)), ("y1", N(Y(p90))), ("y2", N(Y(p90))));
                }

                html.Element("title", label).Close("g");
            }
        }

        html.Close("svg");
    }

    public static void Legend(DashboardPage page, HtmlWriter html, RunbookCatalog runbooks)
    {
        html.Open("ul", ("class", "legend"));
        foreach (var kind in Enum.GetValues<IncidentKind>().Select(k => WireName.Of(k)))
        {
            html.Open("li").Element("span", "", ("class", $"swatch kind-{kind}"), ("aria-hidden", "true"))
                .Text(page.T(DomainText.Kind(runbooks, kind))).Close("li");
        }

        html.Open("li").Element("span", "", ("class", "swatch p90"), ("aria-hidden", "true")).Text(page.T(Ui.P90)).Close("li")
            .Close("ul");
    }

    private static double Ceiling(double value)
    {
        if (value <= 0)
        {
            return 1;
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        return new[] { 1, 2, 2.5, 5, 10 }.Select(f => f * magnitude).First(c => c >= value);
    }

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
