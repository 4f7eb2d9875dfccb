using System.Globalization;
using Incidents.Api.Dashboard.Localization;
using Incidents.Api.Dashboard.Rendering;
using Incidents.Api.Incidents.Views;
using Incidents.Domain.Incidents;
using Incidents.Projections;

namespace Incidents.Api.Dashboard.Pages;

/// <summary>
/// Every report an incident received: the first, later reports of the same account that joined it, and those that came
/// with duplicates merged into it; the duplicates themselves; and, on a duplicate, the incident it was merged into.
/// Reporters' contact details show only to the roles that may see them (the view leaves them out for the others).
/// </summary>
public static class IncidentReportsSection
{
    public static void Write(DashboardPage page, HtmlWriter html, IncidentView view, Func<string, string> nameOf)
    {
        html.Open("section", ("aria-labelledby", "reports-title"), ("id", "reports"))
            .Element("h2", page.Language == Language.English
                ? $"{page.T(Ui.Reports)} ({view.ReportCount.ToString(CultureInfo.InvariantCulture)})"
                : $"{page.T(Ui.Reports)}（{view.ReportCount.ToString(CultureInfo.InvariantCulture)}件）", ("id", "reports-title"));
        if (view.MergedInto is { } survivor)
        {
            html.Open("div", ("class", "notice"), ("role", "status"), ("id", "merged-into"))
                .Element("p", page.T(Ui.MergedInto))
                .Open("p").Element("a", survivor.ToString("D"), ("href", $"/dashboard/incidents/{survivor:D}")).Close("p")
                .Close("div");
        }

        if (view.MergedIncidents.Count > 0)
        {
            html.Element("h3", page.T(Ui.MergedIncidents)).Open("ul", ("id", "merged-incidents"));
            foreach (var merged in view.MergedIncidents)
            {
                html.Open("li", ("data-incident", merged.IncidentId.ToString("D")))
                    .Element("a", $"{merged.AccountHandle} ({page.T(Labels.Platform(WireName.Of(merged.Platform)))})", ("href", $"/dashboard/incidents/{merged.IncidentId:D}"))
                    .Close("li");
            }

            html.Close("ul");
        }

        var first = new ReceivedReport(
            view.AccountHandle, view.AccountUrl, view.WhatWasSeen, view.EvidenceUrls, view.DiscoveredAt, view.ReporterContact, view.ReportedBy, view.ReportedAt);
        html.Open("ol", ("class", "reports"), ("id", "report-list"));
        Report(page, html, first, page.T(Ui.FirstReport), "first", nameOf);
        foreach (var (report, index) in view.AdditionalReports.Select((r, i) => (r, i + 1)))
        {
            Report(page, html, report, page.T(report.MergedFrom is null ? Ui.AdditionalReport : Ui.MergedReport), index.ToString(CultureInfo.InvariantCulture), nameOf);
        }

        html.Close("ol").Close("section");
    }

    private static void Report(DashboardPage page, HtmlWriter html, ReceivedReport report, string heading, string key, Func<string, string> nameOf)
    {
        html.Open("li", ("class", "report"), ("data-report", key))
            .Open("p").Element("strong", heading).Text($" — {nameOf(report.By)} ");
        Cells.Time(page, html, report.At);
        if (report.MergedFrom is { } from)
        {
            html.Text(" ").Element("a", from.ToString("D"), ("href", $"/dashboard/incidents/{from:D}"), ("class", "merged-from"));
        }

        html.Close("p")
            .Element("p", report.AccountHandle, ("class", "muted"))
            .Element("blockquote", report.WhatWasSeen, ("class", "prose"));
        var links = (report.AccountUrl is null ? report.EvidenceUrls : [report.AccountUrl, .. report.EvidenceUrls]).Distinct().ToList();
        if (links.Count > 0)
        {
            html.Open("p").Text($"{page.T(Ui.Evidence)}: ");
            foreach (var url in links)
            {
                Link(html, url);
                html.Text(" ");
            }

            html.Close("p");
        }

        if (report.ReporterContact is { } contact)
        {
            html.Element("p", $"{page.T(Ui.ReporterContact)}: {contact}", ("class", "contact"));
        }

        html.Close("li");
    }

    /// <summary>Only web addresses become links; anything else (which the edge refuses to store anyway) stays text.</summary>
    private static void Link(HtmlWriter html, string url)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            html.Element("a", url, ("href", url), ("rel", "noreferrer noopener"), ("class", "url"));
        }
        else
        {
            html.Element("span", url, ("class", "url"));
        }
    }
}
