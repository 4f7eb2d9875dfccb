using Incidents.Api.Incidents;

namespace Incidents.Api.Http;

/// <summary>
/// What every write to the API must be, whatever its endpoint reads: a body, if one is sent, is a well-formed JSON
/// object within the size and depth limits, with no secret-named field, no password in its text and no text that
/// cannot be stored; an Idempotency-Key, if sent, is well-formed. An endpoint that takes no fields therefore refuses
/// a hostile body instead of ignoring it. Runs after authorisation, so callers who may not write learn nothing here.
/// </summary>
public static class WriteRequestChecks
{
    public static IApplicationBuilder UseWriteRequestChecks(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            var request = http.Request;
            if (HttpMethods.IsPost(request.Method) && request.Path.StartsWithSegments("/api") && http.GetEndpoint() is not null)
            {
                IdempotencyKeyHeader.Read(request);
                if (HasBody(request) && (await JsonBodyReader.ReadBytesAsync(request, http.RequestAborted)).Length > 0)
                {
                    await JsonBodyReader.ReadAsync<CommandEndpoints.EmptyBody>(request, http.RequestAborted);
                }
            }

            await next(http);
        });

    /// <summary>The same test the endpoints that read a body use: a length, or a chunked transfer.</summary>
    private static bool HasBody(HttpRequest request) => request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0;
}
