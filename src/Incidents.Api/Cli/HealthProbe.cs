namespace Incidents.Api.Cli;

/// <summary>
/// <c>--health-check URL</c>: exits 0 when the URL answers 2xx within 3 seconds, else 1. Container images have no
/// curl, so Docker health checks call the service's own binary.
/// </summary>
public static class HealthProbe
{
    public static bool Handles(string[] args) => args.Length == 2 && args[0] == "--health-check";

    public static async Task<int> RunAsync(string url)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await client.GetAsync(new Uri(url));
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or UriFormatException)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }
    }
}
