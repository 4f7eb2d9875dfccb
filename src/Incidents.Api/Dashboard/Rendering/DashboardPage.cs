using System.Security.Claims;
using Incidents.Api.Access;
using Incidents.Api.Dashboard.Localization;
using Incidents.Api.Dashboard.Sessions;
using Incidents.Domain.Access;
using Incidents.Domain.Text;
using Microsoft.AspNetCore.Antiforgery;

namespace Incidents.Api.Dashboard.Rendering;

/// <summary>What every page renders with: the request, the language, the clock, the signed-in person and a form token.</summary>
public sealed class DashboardPage
{
    private AntiforgeryTokenSet? _tokens;

    public DashboardPage(HttpContext http)
    {
        Http = http;
        Language = Localization.Language.Of(http);
        Now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
    }

    public HttpContext Http { get; }

    public string Language { get; }

    public DateTimeOffset Now { get; }

    public ClaimsPrincipal User => Http.User;

    public bool SignedIn => User.Identity?.IsAuthenticated == true;

    public IReadOnlyList<Role> Roles => SignedIn ? Actors.RolesOf(User) : [];

    public string UserName => User.FindFirstValue(ClaimTypes.Name) ?? "";

    public string T(LocalizedText text) => text.In(Language);

    public string Time(DateTimeOffset instant) => TokyoTime.Format(instant, Language);

    public string Span(TimeSpan span) => TokyoTime.Span(span, Language);

    /// <summary>The live script asks for the page's main content only, to swap it in without a reload.</summary>
    public bool WantsFragment => Http.Request.Headers["X-Dashboard-Fragment"] == "1";

    /// <summary>The hidden anti-forgery field every form of the page carries.</summary>
    public void FormToken(HtmlWriter html)
    {
        _tokens ??= Http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(Http);
        html.Empty("input", ("type", "hidden"), ("name", DashboardSession.AntiforgeryField), ("value", _tokens.RequestToken));
    }
}
