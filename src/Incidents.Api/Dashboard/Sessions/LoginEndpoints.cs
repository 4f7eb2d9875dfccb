using Incidents.Api.Access;
using Incidents.Api.Dashboard.Localization;
using Incidents.Api.Dashboard.Rendering;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;

namespace Incidents.Api.Dashboard.Sessions;

/// <summary>
/// Signing in exchanges an API token for a cookie session (same users, same roles as the API); signing out ends it.
/// Both are forms with anti-forgery tokens. The language switch is here too, since it works before signing in.
/// </summary>
public static class LoginEndpoints
{
    public static void MapLogin(this IEndpointRouteBuilder app)
    {
        app.MapGet("/dashboard/login", (HttpContext http) => Page(new DashboardPage(http), http.Request.Query["returnUrl"], failed: false))
            .AllowAnonymous().ExcludeFromDescription();

        app.MapPost("/dashboard/login", async (HttpContext http, UserStore users, IAntiforgery antiforgery) =>
            {
                var page = new DashboardPage(http);
                if (!await antiforgery.IsRequestValidAsync(http))
                {
                    return FormExpired(page);
                }

                var form = await http.Request.ReadFormAsync(http.RequestAborted);
                var token = form["token"].ToString().Trim();
                var returnUrl = ReturnUrl.Safe(form["returnUrl"]);
                var user = token.Length is > 0 and <= 256 && await users.FindByTokenAsync(token, http.RequestAborted) is var (found, _) ? found : null;
                if (user is null)
                {
                    return Page(page, returnUrl, failed: true);
                }

                await http.SignInAsync(
                    DashboardSession.Scheme, SessionValidation.PrincipalFor(user, ApiTokens.Hash(token)),
                    new AuthenticationProperties { IsPersistent = false });
                return Results.Redirect(returnUrl, permanent: false, preserveMethod: false);
            })
            .AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();

        app.MapGet("/dashboard/language/{language}", (HttpContext http, string language) =>
            {
                Language.Choose(http, language);
                return Results.Redirect(ReturnUrl.Safe(http.Request.Query["return"]));
            })
            .AllowAnonymous().ExcludeFromDescription();
    }

    /// <summary>Inside the dashboard's group: the session must be read to check the form token it was issued with.</summary>
    public static void MapLogout(this RouteGroupBuilder dashboard) =>
        dashboard.MapPost("/logout", async (HttpContext http, IAntiforgery antiforgery) =>
            {
                if (!await antiforgery.IsRequestValidAsync(http))
                {
                    return FormExpired(new DashboardPage(http));
                }

                await http.SignOutAsync(DashboardSession.Scheme);
                return Results.Redirect("/dashboard/login");
            })
            .DisableAntiforgery();

    public static IResult FormExpired(DashboardPage page)
    {
        var html = new HtmlWriter()
            .Element("h1", page.T(Ui.Refused))
            .Element("p", page.T(Ui.FormExpired), ("class", "alert"), ("role", "alert"))
            .Element("a", page.T(Ui.BackToOverview), ("href", "/dashboard"));
        return PageLayout.Render(page, page.T(Ui.Refused), html.ToString(), StatusCodes.Status400BadRequest);
    }

    private static IResult Page(DashboardPage page, string? returnUrl, bool failed)
    {
        var html = new HtmlWriter()
            .Element("h1", page.T(Ui.LoginTitle))
            .Element("p", page.T(Ui.LoginIntro));
        if (failed)
        {
            html.Element("p", page.T(Ui.LoginFailed), ("class", "alert"), ("role", "alert"), ("id", "login-error"));
        }

        html.Open("form", ("method", "post"), ("action", "/dashboard/login"), ("class", "stack login"));
        page.FormToken(html);
        html.Empty("input", ("type", "hidden"), ("name", "returnUrl"), ("value", ReturnUrl.Safe(returnUrl)))
            .Element("label", page.T(Ui.Token), ("for", "token"))
            .Empty("input", ("type", "password"), ("id", "token"), ("name", "token"), ("required", ""), ("autocomplete", "off"),
                ("spellcheck", "false"), ("maxlength", "256"), ("aria-describedby", failed ? "login-error" : null),
                ("aria-invalid", failed ? "true" : null))
            .Element("button", page.T(Ui.SignIn), ("type", "submit"))
            .Close("form");
        return PageLayout.Render(
            page, page.T(Ui.LoginTitle), html.ToString(), failed ? StatusCodes.Status401Unauthorized : StatusCodes.Status200OK);
    }
}
