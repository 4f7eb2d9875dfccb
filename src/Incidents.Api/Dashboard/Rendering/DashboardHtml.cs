namespace Incidents.Api.Dashboard.Rendering;

/// <summary>
/// An HTML answer of the dashboard with its security headers: a Content-Security-Policy that allows only the
/// dashboard's own script and stylesheet (no inline script or style anywhere), no framing, no caching of pages.
/// </summary>
public sealed class DashboardHtml(string html, int statusCode = StatusCodes.Status200OK) : IResult
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = statusCode;
        httpContext.Response.ContentType = "text/html; charset=utf-8";
        ApplySecurityHeaders(httpContext.Response);
        httpContext.Response.Headers.CacheControl = "no-store";
        await httpContext.Response.WriteAsync(html, httpContext.RequestAborted);
    }

    public static void ApplySecurityHeaders(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.XFrameOptions = "DENY";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers["Cross-Origin-Opener-Policy"] = "same-origin";
    }
}
