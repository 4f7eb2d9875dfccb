namespace Incidents.Api.Accounts.Public;

/// <summary>
/// Headers of the public, unauthenticated answers: anyone may cache them for a minute, and any site (the town's
/// homepage) may read the JSON from a browser, since it carries nothing private.
/// </summary>
public static class PublicResponses
{
    public static void Cacheable(HttpResponse response, bool crossOrigin)
    {
        response.Headers.CacheControl = "public, max-age=60";
        response.Headers.XContentTypeOptions = "nosniff";
        if (crossOrigin)
        {
            response.Headers.AccessControlAllowOrigin = "*";
            response.Headers.AccessControlExposeHeaders = "X-Total-Count, Link";
        }
    }
}
