namespace Incidents.Api.Dashboard.Live;

/// <summary>
/// Server-Sent Events: "changed" whenever a projection committed new rows, so an open page refreshes itself within
/// moments of a new event; a comment every 15 seconds keeps proxies from closing a quiet stream.
/// </summary>
public static class LiveEndpoint
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    public static void MapLive(this RouteGroupBuilder dashboard) =>
        dashboard.MapGet("/live", async (HttpContext http, LiveUpdates live, IHostApplicationLifetime lifetime) =>
            {
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
                var token = stop.Token;
                http.Response.ContentType = "text/event-stream; charset=utf-8";
                http.Response.Headers.CacheControl = "no-store";
                http.Response.Headers["X-Accel-Buffering"] = "no";
                var seen = live.Version;
                try
                {
                    await http.Response.WriteAsync($"retry: 2000\nevent: hello\ndata: {seen}\n\n", token);
                    await http.Response.Body.FlushAsync(token);
                    while (!token.IsCancellationRequested)
                    {
                        var version = await live.WaitAfterAsync(seen, KeepAlive, token);
                        await http.Response.WriteAsync(version == seen ? ": keep-alive\n\n" : $"event: changed\ndata: {version}\n\n", token);
                        await http.Response.Body.FlushAsync(token);
                        seen = version;
                    }
                }
                catch (OperationCanceledException) when (token.IsCancellationRequested)
                {
                    // The page closed, or the service is stopping: the browser reconnects on its own.
                }
            })
            .DisableRequestTimeout()
            .ExcludeFromDescription();
}
