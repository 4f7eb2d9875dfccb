using System.Globalization;

namespace Incidents.Api.Dashboard.Rendering;

/// <summary>Small pieces several pages write the same way: a time, a deadline with how far off it is, a badge.</summary>
public static class Cells
{
    public static void Time(DashboardPage page, HtmlWriter html, DateTimeOffset? instant)
    {
        if (instant is not { } at)
        {
            html.Text("—");
            return;
        }

        html.Element("time", page.Time(at), ("datetime", at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)));
    }

    /// <summary>The deadline, then "(30分超過)" or "(あと30分)".</summary>
    public static void Deadline(DashboardPage page, HtmlWriter html, DateTimeOffset? due, bool open = true)
    {
        Time(page, html, due);
        if (due is not { } at || !open)
        {
            return;
        }

        var english = page.Language == Localization.Language.English;
        var span = page.Span(at - page.Now);
        var relative = at <= page.Now
            ? english ? $"{span} overdue" : $"{span}超過"
            : english ? $"in {span}" : $"あと{span}";
        html.Element("span", english ? $" ({relative})" : $"（{relative}）", ("class", at <= page.Now ? "relative late" : "relative"));
    }

    public static void Badge(HtmlWriter html, string text, string kind) => html.Element("span", text, ("class", $"badge {kind}"));
}
