using Incidents.Api.Dashboard.Localization;
using Incidents.Api.Dashboard.Rendering;

namespace Incidents.Api.Dashboard.Pages;

/// <summary>What the dashboard answers, with 403, to a signed-in person whose roles do not allow the page or action.</summary>
public static class NotPermittedPage
{
    public static IResult Render(DashboardPage page)
    {
        var html = new HtmlWriter()
            .Element("h1", page.T(Ui.NotPermitted), ("id", "not-permitted"))
            .Element("a", page.T(Ui.BackToOverview), ("href", "/dashboard"));
        return PageLayout.Render(page, page.T(Ui.NotPermitted), html.ToString(), StatusCodes.Status403Forbidden);
    }
}
