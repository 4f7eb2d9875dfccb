namespace Incidents.Api.Dashboard.Sessions;

/// <summary>The dashboard's cookie session: its scheme, its cookie, and the claim that ties it to the API token it came from.</summary>
public static class DashboardSession
{
    public const string Scheme = "DashboardSession";
    public const string Policy = "Dashboard";

    /// <summary>__Host-: only over HTTPS (or localhost), for this host only, path /.</summary>
    public const string CookieName = "__Host-incidents-session";

    /// <summary>
    /// Secure when the request is HTTPS; ASP.NET Core refuses to issue a Secure-only anti-forgery cookie on plain
    /// HTTP (the service's own port on a loopback address), so it carries no __Host- prefix. It is not a credential.
    /// </summary>
    public const string AntiforgeryCookieName = "incidents-csrf";
    public const string AntiforgeryField = "__csrf";

    /// <summary>The SHA-256 of the API token the session was opened with; the session ends when that token does.</summary>
    public const string TokenHashClaim = "incidents:token-hash";

    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);
}
