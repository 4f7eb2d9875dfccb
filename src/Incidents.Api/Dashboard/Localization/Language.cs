namespace Incidents.Api.Dashboard.Localization;

/// <summary>The dashboard's language: Japanese unless the person chose English (remembered in a cookie).</summary>
public static class Language
{
    public const string Japanese = "ja";
    public const string English = "en";
    public const string CookieName = "incidents-lang";

    public static string Of(HttpContext http) =>
        http.Request.Cookies[CookieName] == English ? English : Japanese;

    public static void Choose(HttpContext http, string language) =>
        http.Response.Cookies.Append(CookieName, language == English ? English : Japanese, new CookieOptions
        {
            HttpOnly = true,
            Secure = true,
            SameSite = SameSiteMode.Lax,
            Path = "/",
            MaxAge = TimeSpan.FromDays(365),
        });
}
