using Incidents.Api.Access;
using Incidents.Api.Dashboard.Assets;
using Incidents.Api.Dashboard.Localization;
using Incidents.Api.Projections;

namespace Incidents.Api.Dashboard.Rendering;

/// <summary>
/// The document around every page: skip link, header with navigation and language switch, the main content, and the
/// live-update status. A request from the live script gets the main content only.
/// </summary>
public static class PageLayout
{
    public static IResult Render(DashboardPage page, string title, string main, int statusCode = StatusCodes.Status200OK)
    {
        if (page.WantsFragment)
        {
            return new DashboardHtml(main, statusCode);
        }

        var html = new HtmlWriter();
        html.Markup("<!DOCTYPE html>").Open("html", ("lang", page.Language)).Open("head")
            .Empty("meta", ("charset", "utf-8"))
            .Empty("meta", ("name", "viewport"), ("content", "width=device-width, initial-scale=1"))
            .Element("title", $"{title} – {page.T(Ui.AppName)}")
            .Empty("link", ("rel", "stylesheet"), ("href", DashboardAssets.Url("dashboard.css")))
            .Open("script", ("src", DashboardAssets.Url("dashboard.js")), ("defer", "")).Close("script")
            .Close("head")
            .Open("body")
            .Element("a", page.T(Ui.SkipToContent), ("class", "skip"), ("href", "#main"));
        Header(page, html);
        html.Open("main", ("id", "main"), ("tabindex", "-1"), ("data-live", page.SignedIn ? "/dashboard/live" : null))
            .Markup(main)
            .Close("main")
            .Open("footer", ("class", "site-footer"))
            .Element("p", page.T(Ui.TimesAreTokyo))
            .Open("p", ("id", "live-status"), ("role", "status"), ("aria-live", "polite"),
                ("data-updated", page.T(Ui.UpdatedAt)), ("data-waiting", page.T(Ui.UpdatesWaiting)), ("data-show", page.T(Ui.ShowUpdates)))
            .Text(page.SignedIn ? page.T(Ui.LiveUpdating) : null)
            .Close("p")
            .Close("footer")
            .Close("body").Close("html");
        return new DashboardHtml(html.ToString(), statusCode);
    }

    private static void Header(DashboardPage page, HtmlWriter html)
    {
        var path = page.Http.Request.Path.Value ?? "/dashboard";
        var here = path + page.Http.Request.QueryString;
        html.Open("header", ("class", "site-header"))
            .Open("p", ("class", "brand")).Element("a", page.T(Ui.AppName), ("href", "/dashboard")).Close("p");
        if (page.SignedIn)
        {
            html.Open("nav", ("aria-label", page.T(Ui.AppName))).Open("ul");
            NavItem(html, page.T(Ui.Overview), "/dashboard", path == "/dashboard" || path.StartsWith("/dashboard/incidents", StringComparison.Ordinal));
            NavItem(html, page.T(Ui.Metrics), "/dashboard/metrics", path == "/dashboard/metrics");
            if (Actors.HasAny(page.User, ProjectionRoles.Readers))
            {
                NavItem(html, page.T(Ui.System), "/dashboard/system", path == "/dashboard/system");
            }

            html.Close("ul").Close("nav");
        }

        var other = page.Language == Language.English ? Language.Japanese : Language.English;
        html.Open("div", ("class", "session"))
            .Element("a", page.T(Ui.LanguageSwitch),
                ("href", $"/dashboard/language/{other}?return={Uri.EscapeDataString(here)}"),
                ("lang", other), ("hreflang", other), ("aria-label", page.T(Ui.LanguageSwitchLabel)), ("id", "language-switch"));
        if (page.SignedIn)
        {
            html.Open("span", ("class", "user")).Text($"{page.T(Ui.SignedInAs)}: {page.UserName}").Close("span")
                .Open("form", ("method", "post"), ("action", "/dashboard/logout"), ("class", "inline"));
            page.FormToken(html);
            html.Element("button", page.T(Ui.SignOut), ("type", "submit"), ("class", "link")).Close("form");
        }

        html.Close("div").Close("header");
    }

    private static void NavItem(HtmlWriter html, string text, string href, bool current) =>
        html.Open("li").Element("a", text, ("href", href), ("aria-current", current ? "page" : null)).Close("li");
}
