namespace Incidents.Api.Dashboard.Sessions;

/// <summary>Where to go after signing in or switching language: only a dashboard path of this site, never elsewhere.</summary>
public static class ReturnUrl
{
    public static string Safe(string? url) =>
        url is { Length: > 0 and < 2048 } &&
        url.StartsWith("/dashboard", StringComparison.Ordinal) &&
        !url.StartsWith("//", StringComparison.Ordinal) &&
        !url.Contains('\\', StringComparison.Ordinal) &&
        !url.Any(char.IsControl)
            ? url
            : "/dashboard";
}
